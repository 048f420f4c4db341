namespace DigitalTwin.Engine.Profile;

/// <summary>
/// The thresholds of the start map (the objective map of features that help or hinder social cohesion, step 1B of
/// TNO's method), each with its source. They are reporting thresholds only: the simulation never reads them.
/// </summary>
public sealed record StartMapParameters
{
    /// <summary>Pavements narrower than this, per side, count as narrow.</summary>
    public double NarrowPavementMetres { get; init; } = 2.0;

    public const string NarrowPavementSource =
        "TNO (Pronk et al.), Ruimtelijk ontwerp voor sociale cohesie, Tabel 2 'Voetgangersvriendelijkheid': brede stoepen (min. 2 meter)";

    /// <summary>A road at or above this speed limit is a busy road (a barrier to cross).</summary>
    public double BusySpeedKmh { get; init; } = 50;

    public const string BusySpeedSource =
        "Duurzaam Veilig (CROW): inside built-up areas 50 km/h roads are distributor roads (gebiedsontsluitingswegen), 30 km/h streets access streets";

    /// <summary>A road carrying at least this many motor vehicles a day is a busy road, whatever its speed limit.</summary>
    public double BusyVehiclesPerDay { get; init; } = 6000;

    public const string BusyVehiclesSource =
        "reasoned: above Appleyard's (1981) light street (2,000 vehicles a day) and below his moderate (8,700) and heavy (about 16,000) streets";

    /// <summary>The first walking distance for third places, in metres along the network.</summary>
    public double NearMetres { get; init; } = 300;

    /// <summary>The second walking distance for third places, in metres along the network.</summary>
    public double FarMetres { get; init; } = 500;

    public const string ReachSource =
        "300 m: WHO Regional Office for Europe (2016), Urban green spaces and health, green space within 300 m of home; 500 m: reasoned, about six minutes' walk at 1.4 m/s";

    /// <summary>A barrier (water, rail) whose consecutive crossings lie farther apart than this has a stretch hard to cross.</summary>
    public double CrossingSpacingMetres { get; init; } = 200;

    public const string CrossingSpacingSource =
        "reasoned: no published Dutch norm for bridges or rail crossings is bundled; with a crossing every 200 m a walker beside the barrier is at most 100 m from one, a detour of at most 200 m (under 2.5 minutes at 1.4 m/s), on the scale of the 300 m reach used for third places";

    /// <summary>Crossings of one barrier closer together than this, along it, are one crossing.</summary>
    public double CrossingMergeMetres { get; init; } = 30;

    public const string CrossingMergeSource =
        "reasoned: a bridge or underpass carrying a road with its footways and cycle paths mapped as separate ways is up to about 30 m wide; they are one chance to cross, not three";

    /// <summary>A rail line lying mostly within this distance of one counted before it is another track of the same railway.</summary>
    public double RailCorridorMetres { get; init; } = 30;

    public const string BarrierRuleSource =
        "reasoned (BarrierTags, engine/DigitalTwin.Engine/Surroundings/BarrierLines.cs): rail on its own track is fenced or embanked, tram tracks in the street are not; a ditch is too wide to step over; tunnels and culverts are crossed above; tracks within 30 m of one another are one railway (four tracks and their platforms fit in 30 m)";

    public static StartMapParameters Default { get; } = new();
}
