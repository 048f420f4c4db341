namespace DigitalTwin.Engine.Interventions;

/// <summary>How street changes ripple beyond the streets they address.</summary>
public sealed record InterventionParameters
{
    /// <summary>
    /// Share of the car traffic taken off a closed or calmed street that disappears instead of moving to other streets.
    /// Cairns, Atkins &amp; Goodwin (2002), "Disappearing traffic?": a median of about 11 % (range up to 25 %) of the
    /// traffic on reallocated road space is not found on the surrounding network.
    /// </summary>
    [Parameter("share", 0, 1, "Cairns, Atkins & Goodwin 2002: a median of about 11 % (up to 25 %) of displaced traffic disappears")]
    public double TrafficEvaporationShare { get; init; } = 0.15;

    /// <summary>Segments with any part this close to a new green space count as green-adjacent.</summary>
    [Parameter("m", 0, 200, "Reasoned: a street along the park's edge, allowing for a pavement and a hedge")]
    public double GreenAdjacencyMetres { get; init; } = 25;
}
