namespace DigitalTwin.Engine.Planning;

/// <summary>One thing a resident means to do today: where, from when, for how long, and how others can see it.</summary>
internal readonly record struct PlannedActivity(
    ActivityKind Kind,
    Anchor Destination,
    double StartSeconds,
    double DurationSeconds,
    StayKind Stay);
