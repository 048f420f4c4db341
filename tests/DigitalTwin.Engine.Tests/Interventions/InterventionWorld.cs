using DigitalTwin.Engine.Interventions;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Scenarios;
using DigitalTwin.Engine.Simulation;

namespace DigitalTwin.Engine.Tests.Interventions;

/// <summary>
/// The data an intervention may touch, captured whole so that a test can prove what changed and what did not: every
/// segment's attributes, every node's crossing, every place and home, and every named model parameter.
/// </summary>
internal sealed record DataSnapshot(
    SegmentAttributes[] Segments,
    CrossingControl[] Crossings,
    PlaceRecord[] Places,
    HomeRecord[] Homes,
    IReadOnlyDictionary<string, double> Parameters)
{
    public static DataSnapshot Of(Neighbourhood neighbourhood, SimulationParameters parameters)
    {
        var network = neighbourhood.Network;
        return new DataSnapshot(
            [.. Enumerable.Range(0, network.SegmentCount).Select(s => network.AttributesOf(new SegmentId(s)))],
            network.NodeCrossing.ToArray(),
            [.. neighbourhood.Places.Records],
            [.. neighbourhood.Homes.Records],
            ParameterRegistry.All.Keys.ToDictionary(name => name, name => ParameterRegistry.ValueOf(parameters, name), StringComparer.Ordinal));
    }

    public static DataSnapshot Of(AppliedInterventions applied) => Of(applied.Neighbourhood, applied.Parameters);

    /// <summary>Indices of the segments whose attributes differ from <paramref name="before"/>'s.</summary>
    public int[] SegmentsChangedSince(DataSnapshot before) =>
        [.. Enumerable.Range(0, Segments.Length).Where(s => !Segments[s].Equals(before.Segments[s]))];

    public int[] CrossingsChangedSince(DataSnapshot before) =>
        [.. Enumerable.Range(0, Crossings.Length).Where(n => Crossings[n] != before.Crossings[n])];

    public string[] ParametersChangedSince(DataSnapshot before) =>
        [.. Parameters.Keys.Where(name => Parameters[name] != before.Parameters[name]).Order(StringComparer.Ordinal)];
}

/// <summary>Small worlds and intervention records for the intervention tests.</summary>
internal static class InterventionWorld
{
    public static readonly SourceLocation Here = new("test.json", "$.interventions[0]", 1);

    /// <summary>
    /// The generator's 6 × 6 grid (100 m blocks, centred on the origin). Rows are segments 0-29 (row r, column c to
    /// c + 1 is segment 5r + c), columns are 30-59 (column c, row r to r + 1 is 30 + 5c + r). Row 2 ("Main Street 3")
    /// and column 2 ("Main Avenue 3") are shopping streets with benches; the rest are residential streets with homes.
    /// </summary>
    public static Neighbourhood Grid(GeneratorOptions? options = null) => NetworkGenerator.Grid(6, 6, options);

    /// <summary>Row Street 2 between columns 2 and 3: a residential segment from (0, -150)'s west to east end.</summary>
    public const int MiddleOfRowStreet2 = 7;

    public static StreetByName Named(string name) => new(name) { Origin = Here };

    /// <summary>The segments within <paramref name="radiusMetres"/> of a point given in the grid's metres.</summary>
    public static StreetByPoint Near(Neighbourhood world, double x, double y, double radiusMetres) =>
        new(At(world, x, y), radiusMetres) { Origin = Here };

    public static LonLat At(Neighbourhood world, double x, double y)
    {
        var (longitude, latitude) = world.Network.GeoReference.Unproject(x, y);
        return new LonLat(longitude, latitude);
    }

    public static int[] SegmentsOf(Neighbourhood world, string name) =>
        [.. StreetSelector.Resolve(Named(name), world.Network).Select(s => s.Value)];

    public static AppliedInterventions Apply(Neighbourhood world, params Intervention[] interventions) =>
        InterventionApplier.Apply(world, SimulationParameters.Default, interventions);
}
