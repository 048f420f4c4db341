using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Tests.Mobility;

public class CostDistinctionsTests
{
    private static StreetNetwork Street(Lighting lighting, SurfaceQuality surface)
    {
        var builder = new StreetNetworkBuilder(new GeoReference(4.37, 52.0));
        var a = builder.AddNode(0, 0);
        var b = builder.AddNode(100, 0);
        var c = builder.AddNode(100, 80);
        var d = builder.AddNode(170, 80);
        var plain = new SegmentAttributes
        {
            Highway = HighwayKind.Residential,
            ModesForward = TravelModes.All,
            ModesBackward = TravelModes.All,
            PavementWidthMetres = 2,
            Lighting = Lighting.Lit,
            Surface = SurfaceQuality.Good,
            Name = "Lit",
        };
        builder.AddSegment(a, b, plain);
        // Darkness and surface on streets of their own, so no two factors can happen to give one street the same cost.
        builder.AddSegment(b, c, plain with { Lighting = lighting, Name = "Dark" });
        builder.AddSegment(c, d, plain with { Surface = surface, Name = "Rough" });
        return builder.Build();
    }

    private static IEnumerable<CostProfile> AllProfiles(int variants) =>
        Enumerable.Range(0, CostProfile.Count(variants)).Select(i => CostProfile.FromIndex(i, variants));

    [Theory]
    // Three variants of each mode; walking and cycling after dark, plain or sensitive, where a street is unlit; walking
    // with limited mobility where a surface is uneven or poor.
    [InlineData(Lighting.Lit, SurfaceQuality.Good, 3 + 3 + 3)]
    [InlineData(Lighting.Unlit, SurfaceQuality.Good, 9 + 9 + 3)]
    [InlineData(Lighting.Lit, SurfaceQuality.Poor, 6 + 3 + 3)]
    [InlineData(Lighting.Unlit, SurfaceQuality.Uneven, 18 + 9 + 3)]
    public void Canonical_profiles_have_the_same_costs_and_only_distinct_ones_stay_apart(Lighting lighting, SurfaceQuality surface, int distinct)
    {
        var network = Street(lighting, surface);
        var parameters = new RouteCostParameters();
        var model = new RouteCostModel(network, parameters, seed: 7);
        var distinctions = new CostDistinctions(network, parameters);
        var canonical = new HashSet<CostProfile>();
        foreach (var profile in AllProfiles(parameters.RouteVariants))
        {
            var merged = distinctions.Canonical(profile);
            canonical.Add(merged);
            Assert.Equal(profile.Mode, merged.Mode);
            Assert.Equal(model.ArcCosts(profile).ToArray(), model.ArcCosts(merged).ToArray());
            Assert.Equal(merged, distinctions.Canonical(merged));
        }
        Assert.Equal(distinct, canonical.Count);
        // Profiles kept apart really differ: no two canonical profiles of a mode have the same costs.
        var tables = canonical.Select(p => $"{p.Mode}: {string.Join(",", model.ArcCosts(p).ToArray())}").ToList();
        Assert.Equal(tables.Count, tables.Distinct().Count());
    }

    [Fact]
    public void An_unlit_street_keeps_after_dark_and_sensitive_walkers_apart()
    {
        var network = Street(Lighting.Unlit, SurfaceQuality.Good);
        var distinctions = new CostDistinctions(network, new RouteCostParameters());
        var sensitive = new CostProfile(TravelModes.Walk, AfterDark: true, DarknessSensitive: true, LimitedMobility: true, Variant: 0);
        var merged = distinctions.Canonical(sensitive);
        Assert.True(merged.AfterDark);
        Assert.True(merged.DarknessSensitive);
        Assert.False(merged.LimitedMobility); // every street smooth: limited mobility changes nothing here

        var lit = new CostDistinctions(Street(Lighting.Lit, SurfaceQuality.Good), new RouteCostParameters());
        Assert.Equal(new CostProfile(TravelModes.Walk, false, false, false, 0), lit.Canonical(sensitive));
    }

    [Fact]
    public void Without_perception_noise_variants_are_one_profile()
    {
        var network = Street(Lighting.Lit, SurfaceQuality.Good);
        var distinctions = new CostDistinctions(network, new RouteCostParameters { PerceptionNoiseSigma = 0 });
        Assert.Equal(0, distinctions.Canonical(new CostProfile(TravelModes.Walk, false, false, false, 2)).Variant);
    }
}
