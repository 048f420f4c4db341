using DigitalTwin.Engine.Places;

namespace DigitalTwin.Engine.Scenarios;

/// <summary>
/// A change to the baseline's network, places or people (issue 4), applied in file order. This is the format and
/// its validation; what each does to the data lives in Interventions/. <see cref="TypeName"/> is the scenario
/// file's <c>"type"</c>.
/// </summary>
public abstract record Intervention
{
    /// <summary>Every intervention type a scenario may name, in documentation order.</summary>
    public static IReadOnlyList<string> TypeNames { get; } =
    [
        WidenPavement.Type, AddBenches.Type, RemoveBenches.Type, MixedUse.Type, CarFree.Type, LowTraffic.Type,
        Stomp.Type, StreetLighting.Type, GreenSpace.Type, DelftStoep.Type, RemoveBarrier.Type, AddCrossing.Type,
        NewPlace.Type, NewHousing.Type,
    ];

    public abstract string TypeName { get; }

    /// <summary>Where the entry is written (file, <c>$.interventions[i]</c>, line).</summary>
    public required SourceLocation Origin { get; init; }

    /// <summary>The designer's own words for this change, shown in reports.</summary>
    public string Note { get; init; } = string.Empty;

    /// <summary>The street addresses this intervention uses, for validation against a map.</summary>
    public virtual IEnumerable<StreetAddress> Addresses => [];

    /// <summary>Points that must lie near a street of the map (new places, benches, housing).</summary>
    public virtual IEnumerable<(LonLat Point, string Field)> Points => [];
}

/// <summary>How a crossing is controlled.</summary>
public enum CrossingKind
{
    Zebra,
    Signalised,
    Uncontrolled,
}

/// <summary>A place that an intervention adds (mixed-use ground floors).</summary>
public sealed record PlaceSpec(PlaceKind Kind, string Name, int? Capacity, string? OpeningHours);

/// <summary>Sets (<see cref="WidthMetres"/>) or adds to (<see cref="AddMetres"/>) the pavement width; exactly one is given.</summary>
public sealed record WidenPavement(StreetAddress Streets, double? WidthMetres, double? AddMetres) : Intervention
{
    public const string Type = "widen-pavement";

    /// <summary>Wider than a street profile can hold is a typing mistake, not a design (30 m is a boulevard).</summary>
    public const double MaxWidthMetres = 30;

    public const double MinWidthMetres = 0.5;

    public const double MaxAddMetres = 10;

    public override string TypeName => Type;

    public override IEnumerable<StreetAddress> Addresses => [Streets];
}

/// <summary>Benches along streets every <see cref="SpacingMetres"/>, or at points; exactly one of the two.</summary>
public sealed record AddBenches(StreetAddress? Streets, double? SpacingMetres, IReadOnlyList<LonLat>? AtPoints, int SeatsPerBench)
    : Intervention
{
    public const string Type = "add-benches";

    public const int DefaultSeatsPerBench = 3;

    public override string TypeName => Type;

    public override IEnumerable<StreetAddress> Addresses => Streets is null ? [] : [Streets];

    public override IEnumerable<(LonLat Point, string Field)> Points =>
        AtPoints is null ? [] : AtPoints.Select((p, i) => (p, $"{Origin.Path}.points[{i}]"));
}

/// <summary>Removes every bench on the addressed segments.</summary>
public sealed record RemoveBenches(StreetAddress Streets) : Intervention
{
    public const string Type = "remove-benches";

    public override string TypeName => Type;

    public override IEnumerable<StreetAddress> Addresses => [Streets];
}

/// <summary>Active ground floors along streets and new third places on them.</summary>
public sealed record MixedUse(StreetAddress Streets, bool ActiveFrontage, IReadOnlyList<PlaceSpec> Places) : Intervention
{
    public const string Type = "mixed-use";

    public override string TypeName => Type;

    public override IEnumerable<StreetAddress> Addresses => [Streets];
}

/// <summary>Closes streets to cars (filtered permeability); bikes stay unless <see cref="AllowBikes"/> is false.</summary>
public sealed record CarFree(StreetAddress Streets, bool AllowBikes) : Intervention
{
    public const string Type = "car-free";

    public override string TypeName => Type;

    public override IEnumerable<StreetAddress> Addresses => [Streets];
}

/// <summary>Lower speed and/or less car traffic (a factor on vehicles per day); at least one is given.</summary>
public sealed record LowTraffic(StreetAddress Streets, double? SpeedLimitKmh, double? TrafficFactor) : Intervention
{
    public const string Type = "low-traffic";

    public override string TypeName => Type;

    public override IEnumerable<StreetAddress> Addresses => [Streets];
}

/// <summary>
/// STOMP re-prioritisation over the whole area (or the addressed streets): every factor is written in the file so
/// that nothing is hidden. Cost factors multiply a mode's generalised route cost; the crossing factor multiplies
/// <see cref="Mobility.RouteCostParameters.CrossingWaitMetresPerSecond"/>; the traffic factor multiplies vehicles per day.
/// </summary>
public sealed record Stomp(
    StreetAddress? Streets,
    double WalkCostFactor,
    double BikeCostFactor,
    double CarCostFactor,
    double CrossingPenaltyFactor,
    double CarTrafficFactor,
    bool ParkingAtEdge) : Intervention
{
    public const string Type = "stomp";

    public override string TypeName => Type;

    public override IEnumerable<StreetAddress> Addresses => Streets is null ? [] : [Streets];
}

/// <summary>Lights streets (lit=yes), optionally with a design illuminance.</summary>
public sealed record StreetLighting(StreetAddress Streets, double? Lux) : Intervention
{
    public const string Type = "lighting";

    public override string TypeName => Type;

    public override IEnumerable<StreetAddress> Addresses => [Streets];
}

/// <summary>A park or green strip (polygon) with benches; segments along it become green-adjacent.</summary>
public sealed record GreenSpace(IReadOnlyList<LonLat> Area, string Name, int Benches, int SeatsPerBench) : Intervention
{
    public const string Type = "green-space";

    public override string TypeName => Type;
}

/// <summary>'Delftse stoep' front zones along house fronts where residents sit and put plants.</summary>
public sealed record DelftStoep(StreetAddress Streets, double DepthMetres, double ParticipationShare) : Intervention
{
    public const string Type = "delft-stoep";

    public override string TypeName => Type;

    public override IEnumerable<StreetAddress> Addresses => [Streets];
}

/// <summary>Opens the addressed segments to the given modes (a gate, fence or missing link removed).</summary>
public sealed record RemoveBarrier(StreetAddress Streets, Network.TravelModes Modes) : Intervention
{
    public const string Type = "remove-barrier";

    public override string TypeName => Type;

    public override IEnumerable<StreetAddress> Addresses => [Streets];
}

/// <summary>A crossing on the addressed segments (usually a point and a radius on a busy road).</summary>
public sealed record AddCrossing(StreetAddress Streets, CrossingKind Kind) : Intervention
{
    public const string Type = "add-crossing";

    public override string TypeName => Type;

    public override IEnumerable<StreetAddress> Addresses => [Streets];
}

/// <summary>Any place kind at a point (a transit stop, a school entrance, a café).</summary>
public sealed record NewPlace(PlaceSpec Place, LonLat At) : Intervention
{
    public const string Type = "new-place";

    public override string TypeName => Type;

    public override IEnumerable<(LonLat Point, string Field)> Points => [(At, $"{Origin.Path}.point")];
}

/// <summary>New housing at a point: dwellings with households drawn from the scenario's population profile.</summary>
public sealed record NewHousing(LonLat At, int Dwellings, double HouseholdSize) : Intervention
{
    public const string Type = "population";

    public override string TypeName => Type;

    public override IEnumerable<(LonLat Point, string Field)> Points => [(At, $"{Origin.Path}.point")];
}
