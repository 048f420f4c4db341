namespace DigitalTwin.Engine.Population;

/// <summary>Cultural background by CBS origin (herkomst): a_nl_all, a_eur_al (Europe without NL), a_neu_al (outside Europe).</summary>
public enum Background : byte
{
    Dutch = 0,
    European,
    NonEuropean,
}
