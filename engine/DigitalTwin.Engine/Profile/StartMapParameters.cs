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

    public static StartMapParameters Default { get; } = new();
}
