using System.Runtime.InteropServices;
using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Encounters;

/// <summary>
/// One contact episode of a pair within social distance: a maximal time interval, joined across segments, nodes
/// and short lapses (<see cref="EncounterParameters.EpisodeGapSeconds"/>). Where and how are taken from the
/// longest piece of the episode.
/// </summary>
// Fields laid out by the runtime: declared order padded the three one-byte fields to 8 bytes each time (64 bytes);
// packed, 56. A city's day holds tens of millions (1M residents: 26 M, 1.7 GB).
[StructLayout(LayoutKind.Auto)]
internal readonly record struct Encounter
{
    /// <summary>The lower resident index of the pair.</summary>
    public int ResidentA { get; init; }

    /// <summary>The higher resident index of the pair.</summary>
    public int ResidentB { get; init; }

    public EncounterKind Kind { get; init; }

    /// <summary>Seconds since midnight when the two came within social distance.</summary>
    public double StartTimeSeconds { get; init; }

    public double DurationSeconds { get; init; }

    /// <summary>Segment the encounter happened on, -1 when inside a place.</summary>
    public int Segment { get; init; }

    /// <summary>Place the encounter happened at, -1 on the street.</summary>
    public int Place { get; init; }

    /// <summary>The node the two were on either side of (different segments), -1 otherwise.</summary>
    public int Node { get; init; }

    /// <summary>Metres from the start node of <see cref="Segment"/> (midway between the two, mid-contact).</summary>
    public float PositionMetres { get; init; }

    /// <summary>Resident A's mode; <see cref="TravelModes.None"/> while staying.</summary>
    public TravelModes ModeA { get; init; }

    public TravelModes ModeB { get; init; }

    /// <summary>The faster of the two speeds (m/s); 0 when both stay.</summary>
    public float SpeedMetresPerSecond { get; init; }

    /// <summary>People present on the segment, node or place zone when the later of the two arrived (including both).</summary>
    public int Crowding { get; init; }

    /// <summary>How much the encounter counts: the product of both people's attention by mode (1 on foot or staying).</summary>
    public float Weight { get; init; }

    /// <summary>The pair's key (A in the high 32 bits, B in the low), as used by the familiarity ledger.</summary>
    public ulong PairKey => PairKeys.Of(ResidentA, ResidentB);

    public double EndTimeSeconds => StartTimeSeconds + DurationSeconds;
}

/// <summary>The 64-bit key of an unordered pair of residents.</summary>
internal static class PairKeys
{
    /// <summary>Lower index in the high 32 bits, so sorting keys sorts pairs by (lower, higher).</summary>
    public static ulong Of(int residentA, int residentB)
    {
        (int low, int high) = residentA <= residentB ? (residentA, residentB) : (residentB, residentA);
        return ((ulong)(uint)low << 32) | (uint)high;
    }

    public static int Lower(ulong key) => (int)(key >> 32);

    public static int Higher(ulong key) => (int)(uint)key;
}
