using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Planning;

namespace DigitalTwin.Engine.Mobility;

/// <summary>
/// One move between two anchors, with the mode and the cost profile it is routed with, and what the resident does on
/// arrival: a stay of <see cref="StaySeconds"/> seen as <see cref="Stay"/>. A trip that <see cref="LeavesMap"/> ends
/// where the resident goes beyond the map (a gateway, or a transit stop after the wait).
/// </summary>
internal readonly record struct Trip(
    int Resident,
    ActivityKind Purpose,
    Anchor Origin,
    Anchor Destination,
    TravelModes Mode,
    CostProfile Profile,
    double DepartureSeconds,
    double StaySeconds,
    StayKind Stay,
    bool LeavesMap);
