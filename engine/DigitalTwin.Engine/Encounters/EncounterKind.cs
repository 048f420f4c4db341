namespace DigitalTwin.Engine.Encounters;

/// <summary>How two people came within social distance (MODEL.md step 5).</summary>
internal enum EncounterKind : byte
{
    /// <summary>Moving in opposite directions: they pass each other.</summary>
    Passing = 0,

    /// <summary>Moving the same way, one catching up with and passing the other.</summary>
    Overtaking,

    /// <summary>Moving the same way at the same pace for at least <see cref="EncounterParameters.AlongsideMinimumSeconds"/>.</summary>
    Alongside,

    /// <summary>One stays (a bench, a stoep, the school gate) and the other passes by.</summary>
    PassingBy,

    /// <summary>Both stay at the same place (and zone) or near each other on the street at the same time.</summary>
    CoPresent,

    /// <summary>Both stay on opposite sides of a street, beyond social distance but within sight (a wave to the neighbour opposite).</summary>
    AcrossStreet,
}
