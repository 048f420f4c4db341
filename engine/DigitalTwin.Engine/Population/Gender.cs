namespace DigitalTwin.Engine.Population;

/// <summary>Gender as CBS registers it (a_man, a_vrouw); it changes route choice after dark (source doc Tabel 1, "Gender").</summary>
public enum Gender : byte
{
    Woman = 0,
    Man,
}
