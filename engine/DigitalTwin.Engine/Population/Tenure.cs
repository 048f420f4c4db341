namespace DigitalTwin.Engine.Population;

/// <summary>Whether the household owns or rents its home (p_koopw, p_huurw); owners stay longer (source doc Tabel 1, "Inkomen").</summary>
public enum Tenure : byte
{
    Owner = 0,
    Renter,
}
