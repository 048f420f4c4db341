namespace DigitalTwin.Engine.Familiarity;

/// <summary>How well two residents know each other from the street (MODEL.md step 7), weakest first.</summary>
public enum TieState : byte
{
    None = 0,

    /// <summary>Seen repeatedly (Milgram 1972), no greeting yet.</summary>
    FamiliarStranger,

    /// <summary>Greets or nods ("knikkend contact").</summary>
    NoddingContact,

    /// <summary>Greets and has spent time together while staying.</summary>
    Acquaintance,
}

/// <summary>One pair's memory, for export and outcomes.</summary>
public readonly record struct Tie(
    int ResidentA,
    int ResidentB,
    TieState State,
    int Encounters,
    int Nods,
    int DaysMetInLast64Days,
    double LastMetDays,
    double SharedStationarySeconds,
    double Activation);
