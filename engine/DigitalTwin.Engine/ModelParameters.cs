using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;

namespace DigitalTwin.Engine;

/// <summary>
/// Documents one model parameter: its unit, the range a scenario may set it to, and where the default comes from.
/// Put it on an init property of <see cref="ModelParameters"/>; the property's initialiser is the default.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class ParameterAttribute(string unit, double min, double max, string source) : Attribute
{
    public string Unit { get; } = unit;

    public double Min { get; } = min;

    public double Max { get; } = max;

    public string Source { get; } = source;
}

/// <summary>A model parameter as scenario files name it (camelCase of the property), with its documentation.</summary>
public sealed record ParameterInfo(string Name, string Unit, double Default, double Min, double Max, bool IsInteger, string Source)
{
    internal PropertyInfo Property { get; init; } = null!;

    public bool Allows(double value) =>
        double.IsFinite(value) && value >= Min && value <= Max && (!IsInteger || value == Math.Floor(value));

    public string AllowedRange() =>
        string.Create(CultureInfo.InvariantCulture, $"{(IsInteger ? "a whole number " : string.Empty)}between {Min} and {Max} {Unit}").TrimEnd();
}

/// <summary>
/// Every number the behavioural model uses (MODEL.md), in one place: a typed, documented property per parameter,
/// read by the simulation core as <c>parameters.SocialDistanceMetres</c>. A scenario overrides any of them by
/// name (<c>"socialDistanceMetres": 3.0</c>); <see cref="Registry"/> lists them with unit, default, range and
/// source, built by reflection from the properties, so adding a parameter is adding one property here.
/// Only <see cref="double"/> and <see cref="int"/> properties are allowed.
/// </summary>
public sealed record ModelParameters
{
    public static ModelParameters Default { get; } = new();

    // Encounters.
    [Parameter("m", 0.5, 10, "Hall (1966), The Hidden Dimension: social distance ends at about 3.7 m (12 ft)")]
    public double SocialDistanceMetres { get; init; } = 3.7;

    [Parameter("", 0, 1, "Gehl (2010), Cities for People: a cyclist takes in far less of the street than a walker; "
        + "0.3 is a modelling choice, overridable")]
    public double CyclistEncounterWeight { get; init; } = 0.3;

    [Parameter("", 0, 1, "Gehl (2010): car occupants do not meet people on the street (MODEL.md step 5)")]
    public double DriverEncounterWeight { get; init; }

    // Walking and cycling.
    [Parameter("m/s", 0.3, 2.5, "Bohannon (1997), comfortable gait speed 1.27-1.46 m/s for adults under 60; 1.36 is the middle")]
    public double WalkSpeedMetresPerSecond { get; init; } = 1.36;

    [Parameter("m/s", 0.3, 2.5, "Bohannon (1997), comfortable gait speed of people aged 60 and over, about 1.24 m/s")]
    public double OlderAdultWalkSpeedMetresPerSecond { get; init; } = 1.24;

    [Parameter("years", 40, 90, "Bohannon (1997) groups walking speed by decade; MODEL.md uses 60+ for older adults")]
    public int OlderAdultAgeYears { get; init; } = 60;

    [Parameter("m/s", 1, 10, "Dutch utility cycling averages about 15 km/h (Fietsberaad, CROW); 4.2 m/s")]
    public double CycleSpeedMetresPerSecond { get; init; } = 4.2;

    // Route choice (generalised cost, Broach & Dill 2015; Sevtsuk & Basu 2022).
    [Parameter("m", 0, 500, "Sevtsuk & Basu (2022); Broach & Dill (2015): a turn costs about as much as 50 m of walking")]
    public double TurnPenaltyMetres { get; init; } = 50;

    [Parameter("m", 0, 1000, "Broach & Dill (2015): an unsignalised crossing of a busy road costs about 70 m")]
    public double BusyRoadCrossingPenaltyMetres { get; init; } = 70;

    [Parameter("", 1, 3, "Broach & Dill (2015): walking along a busy road feels about 14% longer")]
    public double BusyRoadFactor { get; init; } = 1.14;

    [Parameter("", 0.3, 1, "Sevtsuk & Basu (2022): commercial (active) streets feel about 28% shorter")]
    public double ActiveStreetFactor { get; init; } = 0.72;

    [Parameter("vehicles/day", 0, 100_000, "Broach & Dill (2015) call a road busy from about 10,000 vehicles a day")]
    public double BusyRoadVehiclesPerDay { get; init; } = 10_000;

    // Trip lengths (SCP, Tijdsbestedingsonderzoek 2016; MODEL.md step 1).
    [Parameter("m", 50, 10_000, "SCP (2016): older adults walk trips of about 500 m (10 minutes)")]
    public double OlderAdultWalkTripMetres { get; init; } = 500;

    [Parameter("m", 50, 10_000, "SCP (2016): the average Dutch walking trip is about 800 m")]
    public double AverageWalkTripMetres { get; init; } = 800;

    // Familiarity (MODEL.md step 7; Milgram 1972; Pachur et al. 2014).
    [Parameter("encounters", 1, 100, "MODEL.md: a familiar stranger is seen at least 3 times ...")]
    public int FamiliarStrangerMinEncounters { get; init; } = 3;

    [Parameter("days", 1, 90, "... on at least 3 different days ...")]
    public int FamiliarStrangerMinDays { get; init; } = 3;

    [Parameter("days", 1, 365, "... within 14 days")]
    public int FamiliarStrangerWindowDays { get; init; } = 14;

    [Parameter("s", 0, 86_400, "MODEL.md: an acquaintance also shares at least 5 minutes of stationary time")]
    public double AcquaintanceStationarySeconds { get; init; } = 300;

    /// <summary>Every parameter, ordered by name, keyed by its scenario name (camelCase).</summary>
    public static FrozenDictionary<string, ParameterInfo> Registry { get; } = BuildRegistry();

    /// <summary>The parameter names in a stable (ordinal) order, for schema output and suggestions.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Registry.Keys.Order(StringComparer.Ordinal)];

    /// <summary>A copy with the given overrides. Callers validate names and ranges first (see ScenarioLoader).</summary>
    public ModelParameters With(IReadOnlyDictionary<string, double> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        // A record's copy constructor is protected; `with {}` gives a fresh instance to set by reflection.
        ModelParameters copy = this with { };
        foreach (KeyValuePair<string, double> pair in overrides)
        {
            if (!Registry.TryGetValue(pair.Key, out ParameterInfo? info) || !info.Allows(pair.Value))
            {
                throw new ArgumentException($"Parameter '{pair.Key}' = {pair.Value} is unknown or out of range.", nameof(overrides));
            }
            object boxed = info.IsInteger ? (object)(int)pair.Value : pair.Value;
            info.Property.SetValue(copy, boxed);
        }
        return copy;
    }

    /// <summary>The value of a parameter by its scenario name (for reports and the schema).</summary>
    public double ValueOf(string name) => Convert.ToDouble(Registry[name].Property.GetValue(this), CultureInfo.InvariantCulture);

    private static FrozenDictionary<string, ParameterInfo> BuildRegistry()
    {
        var defaults = new ModelParameters();
        var table = new Dictionary<string, ParameterInfo>(StringComparer.Ordinal);
        foreach (PropertyInfo property in typeof(ModelParameters).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            ParameterAttribute? attribute = property.GetCustomAttribute<ParameterAttribute>();
            if (attribute is null)
            {
                continue;
            }
            bool isInteger = property.PropertyType == typeof(int);
            if (!isInteger && property.PropertyType != typeof(double))
            {
                throw new InvalidOperationException($"Model parameter {property.Name} must be double or int.");
            }
            string name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            double value = Convert.ToDouble(property.GetValue(defaults), CultureInfo.InvariantCulture);
            table.Add(name, new ParameterInfo(name, attribute.Unit, value, attribute.Min, attribute.Max, isInteger, attribute.Source)
            {
                Property = property,
            });
        }
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
