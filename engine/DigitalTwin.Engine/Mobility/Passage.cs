using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Mobility;

/// <summary>
/// One resident moving along one street segment at constant speed: a straight line in (time, position).
/// Times are seconds since midnight of the simulated day, as <see cref="double"/>: a float has only ~8 ms
/// resolution at 86,400 s, and the simulator chains passages (this exit is the next entry) by adding durations,
/// which must stay exactly equal so contact episodes join without a gap across a node; 8 bytes more per
/// passage (a few MB per day) is cheap next to that. Positions and speeds are floats (1 mm at 1 km).
/// </summary>
/// <param name="Resident">Index of the resident.</param>
/// <param name="Segment">Index of the street segment.</param>
/// <param name="Direction">+1 when moving from the segment's start node towards its end node, -1 back.</param>
/// <param name="EntryTimeSeconds">When the resident is at <paramref name="EntryOffsetMetres"/>.</param>
/// <param name="ExitTimeSeconds">When the resident leaves the segment (or stops on it).</param>
/// <param name="SpeedMetresPerSecond">Constant speed along the segment, at least zero.</param>
/// <param name="Mode">Walk, Bike or Car (exactly one flag).</param>
/// <param name="EntryOffsetMetres">
/// Metres from the segment's start node where the passage begins: 0 (or the length, moving back) for a
/// passage entering at a node, anything between for a trip that starts at a home in the middle of a segment.
/// </param>
/// <param name="LateralOffsetMetres">
/// Where across the street the resident moves: metres left of the segment's centre line, looking from its start
/// node to its end node (negative: right). Constant along the passage. The encounter rule measures 2-D distance with
/// it (see <see cref="DigitalTwin.Engine.Encounters.ExactEncounterDetector"/>); <see cref="LateralPlacement"/>
/// chooses it. 0 (the default) puts everybody on the centre line, the one-dimensional model.
/// </param>
/// <param name="ResumesAfterStop">
/// True for the second piece of a segment walked with a short stop on it: the walker passed the segment once, so counts
/// of passages leave this piece out (encounters do not: the piece is a real movement).
/// </param>
public readonly record struct Passage(
    int Resident,
    int Segment,
    sbyte Direction,
    double EntryTimeSeconds,
    double ExitTimeSeconds,
    float SpeedMetresPerSecond,
    TravelModes Mode,
    float EntryOffsetMetres,
    float LateralOffsetMetres = 0,
    bool ResumesAfterStop = false)
{
    /// <summary>Where along the segment (metres from its start node) the passage ends.</summary>
    public double ExitOffsetMetres => EntryOffsetMetres + Direction * (double)SpeedMetresPerSecond * (ExitTimeSeconds - EntryTimeSeconds);
}
