using DigitalTwin.Engine.Interventions;
using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Scenarios;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Interventions;

/// <summary>The Delft baseline's map, clipped as the baseline clips it, imported once for all bundled variants.</summary>
public sealed class WippolderMapFixture
{
    public WippolderMapFixture()
    {
        var baseline = ScenarioLoader.Load(Path.Combine(BundledVariantTests.Folder, "baseline.json")).Unwrap();
        var map = MapLoader.Load(baseline.MapPath, new MapLoadOptions
        {
            BoundingPolygon = baseline.BoundingPolygon?.Select(p => (p.Longitude, p.Latitude)).ToArray(),
        });
        Assert.True(map.Succeeded, string.Join("; ", map.Problems));
        Neighbourhood = map.Unwrap().Neighbourhood;
    }

    public Neighbourhood Neighbourhood { get; }
}

/// <summary>
/// Every bundled Delft-Wippolder variant loads, its addresses resolve on the Delft map, and its interventions change
/// something: a variant that silently changes nothing would make a comparison report a zero effect.
/// </summary>
public class BundledVariantTests(WippolderMapFixture map) : IClassFixture<WippolderMapFixture>
{
    internal static readonly string Folder = Path.Combine(RepositoryFiles.Root, "scenarios", "delft-wippolder");

    private static string[] VariantFiles() =>
        [.. Directory.GetFiles(Folder, "*.json").Select(Path.GetFileName).OfType<string>().Where(f => f != "baseline.json" && !f.EndsWith(".sweep.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Variants() => [.. VariantFiles()];

    [Theory]
    [MemberData(nameof(Variants))]
    public void Variant_loads_resolves_on_the_Delft_map_and_changes_something(string file)
    {
        var loaded = ScenarioLoader.Load(Path.Combine(Folder, file));
        Assert.True(loaded.Succeeded, string.Join("; ", loaded.Problems));
        var scenario = loaded.Unwrap();

        Assert.Contains("baseline.json", scenario.ExtendsChain.Select(Path.GetFileName));
        Assert.True(scenario.Description.Length > 100, "the description says what changes, where and why");
        Assert.NotEmpty(scenario.Interventions);
        Assert.Empty(ScenarioValidator.ValidateAgainstMap(scenario, map.Neighbourhood));

        var applied = InterventionApplier.Apply(map.Neighbourhood, scenario.Parameters, scenario.Interventions);
        Assert.All(applied.Effects, e => Assert.True(
            e.SegmentsChanged + e.PlacesAdded + e.PlacesRemoved + e.DwellingsAdded + e.ParametersChanged.Count > 0,
            $"{file}: '{e.Summary}' changed nothing"));
    }

    [Fact]
    public void There_is_a_variant_for_every_intervention_type_and_a_combined_plan()
    {
        var types = VariantFiles()
            .SelectMany(f => ScenarioLoader.Load(Path.Combine(Folder, f)).Unwrap().Interventions.Select(i => i.TypeName))
            .ToHashSet();

        Assert.Equal(InterventionRegistry.TypeNames.Order(StringComparer.Ordinal), types.Order(StringComparer.Ordinal));
        Assert.True(ScenarioLoader.Load(Path.Combine(Folder, "combined-plan.json")).Unwrap().Interventions.Count >= 4);
    }

    /// <summary>The full preparation (map, addresses, interventions, population) of each variant: about 10 s each.</summary>
    [Theory]
    [Trait("Category", "Slow")]
    [MemberData(nameof(Variants))]
    public void Variant_prepares_with_its_population(string file)
    {
        var prepared = PreparedScenario.Prepare(ScenarioLoader.Load(Path.Combine(Folder, file)).Unwrap());

        Assert.True(prepared.Succeeded, string.Join("; ", prepared.Problems));
        Assert.NotEmpty(prepared.Unwrap().Effects);
        Assert.True(prepared.Unwrap().Residents.Count > 0);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void New_housing_variant_has_more_residents_than_the_baseline()
    {
        var baseline = PreparedScenario.Prepare(ScenarioLoader.Load(Path.Combine(Folder, "baseline.json")).Unwrap()).Unwrap();
        var housing = PreparedScenario.Prepare(ScenarioLoader.Load(Path.Combine(Folder, "new-housing-leeuwenstein.json")).Unwrap()).Unwrap();

        // 200 dwellings × 1.9 people.
        Assert.Equal(baseline.Residents.Count + 380, housing.Residents.Count);
    }
}
