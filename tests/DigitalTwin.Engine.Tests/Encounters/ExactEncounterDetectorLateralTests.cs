using DigitalTwin.Engine.Encounters;
using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Network;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Encounters;

/// <summary>The 2-D distance rule: lateral offsets on pavements, shared paths and through nodes.</summary>
public class ExactEncounterDetectorLateralTests
{
    private const float Walk = 1.4f;

    private static readonly StreetCrossSectionParameters CrossSection = StreetCrossSectionParameters.Default;

    private static Encounter[] Detect(StreetNetwork network, params Passage[] passages)
    {
        var day = new TrajectoryBuffer();
        foreach (Passage p in passages)
        {
            day.AddPassage(p);
        }
        var output = new EncounterBuffer();
        new ExactEncounterDetector(new EncounterParameters { MaxThreads = 1 }).Detect(network, 0, day, output);
        return output.Items.ToArray();
    }

    /// <summary>A residential street 100 m long with 4 m of pavement (2 m a side) and a 5.5 m carriageway.</summary>
    private static StreetNetwork WideStreet() => TinyWorlds.SingleStreet(100, pavementWidthMetres: 4f);

    /// <summary>A 100 m footway, 2 m wide, no cars: walkers share the width.</summary>
    private static StreetNetwork Footway()
    {
        var builder = new StreetNetworkBuilder(new GeoReference(4.36, 52.01));
        NodeId a = builder.AddNode(0, 0);
        NodeId b = builder.AddNode(100, 0);
        builder.AddSegment(a, b, TinyWorlds.StreetWith(pavementWidthMetres: 2f) with
        {
            Highway = HighwayKind.Footway,
            ModesForward = TravelModes.Walk | TravelModes.Bike,
            ModesBackward = TravelModes.Walk | TravelModes.Bike,
        });
        return builder.Build();
    }

    private static Passage HeadOnFromStart(StreetNetwork network, int resident, bool leftOfTravel, double outward) =>
        new(resident, 0, 1, 0, 100 / Walk, Walk, TravelModes.Walk, 0,
            LateralPlacement.Walker(network, 0, 1, leftOfTravel, outward, CrossSection));

    private static Passage HeadOnFromEnd(StreetNetwork network, int resident, bool leftOfTravel, double outward) =>
        new(resident, 0, -1, 0, 100 / Walk, Walk, TravelModes.Walk, 100,
            LateralPlacement.Walker(network, 0, -1, leftOfTravel, outward, CrossSection));

    [Fact]
    public void Walkers_on_opposite_pavements_of_a_wide_street_do_not_meet()
    {
        var network = WideStreet();
        // Both keep to their own left: one on each side of the 5.5 m carriageway, at least 5.5 m apart.
        Passage a = HeadOnFromStart(network, 0, leftOfTravel: true, outward: 0.1);
        Passage b = HeadOnFromEnd(network, 1, leftOfTravel: true, outward: 0.1);

        Assert.True(Math.Abs(a.LateralOffsetMetres - b.LateralOffsetMetres) > 5.5);
        Assert.Empty(Detect(network, a, b));
    }

    [Fact]
    public void Walkers_on_the_same_pavement_pass_within_the_shortened_reach()
    {
        var network = WideStreet();
        // One keeps left, the other (coming the other way) keeps right: the same pavement, 0.3 × 2 m apart across it.
        Passage a = HeadOnFromStart(network, 0, leftOfTravel: true, outward: 0.2);
        Passage b = HeadOnFromEnd(network, 1, leftOfTravel: false, outward: 0.5);
        double across = a.LateralOffsetMetres - (double)b.LateralOffsetMetres;
        Assert.Equal(0.6, Math.Abs(across), 5);

        Encounter e = Assert.Single(Detect(network, a, b));

        Assert.Equal(EncounterKind.Passing, e.Kind);
        double reach = Math.Sqrt(3.7 * 3.7 - across * across);
        Assert.Equal(2 * reach / (2 * (double)Walk), e.DurationSeconds, 6);
    }

    [Theory]
    [InlineData(true, 0.0, true, 0.999)]
    [InlineData(true, 0.999, false, 0.999)]
    [InlineData(false, 0.0, true, 0.0)]
    [InlineData(false, 0.5, false, 0.999)]
    public void On_a_narrow_footway_passing_walkers_always_meet(bool leftA, double outwardA, bool leftB, double outwardB)
    {
        var network = Footway();
        Passage a = HeadOnFromStart(network, 0, leftA, outwardA);
        Passage b = HeadOnFromEnd(network, 1, leftB, outwardB);

        Assert.True(Math.Abs(a.LateralOffsetMetres) <= 1 && Math.Abs(b.LateralOffsetMetres) <= 1);
        Assert.Equal(EncounterKind.Passing, Assert.Single(Detect(network, a, b)).Kind);
    }

    [Fact]
    public void A_lateral_gap_shortens_an_overtaking_contact_to_the_reach_sqrt_r2_minus_dy2()
    {
        var network = TinyWorlds.SingleStreet(100);
        Passage slow = new(0, 0, 1, 0, 100, 1.0f, TravelModes.Walk, 0, LateralOffsetMetres: 0f);
        Passage fast = new(1, 0, 1, 10, 10 + 100 / 1.6, 1.6f, TravelModes.Walk, 0, LateralOffsetMetres: 2f);

        Encounter e = Assert.Single(Detect(network, slow, fast));

        Assert.Equal(EncounterKind.Overtaking, e.Kind);
        double catchUp = (double)1.6f - 1.0;
        double headStart = 10 * (double)1.6f;
        double reach = Math.Sqrt(3.7 * 3.7 - 2.0 * 2.0);
        Assert.Equal((headStart - reach) / catchUp, e.StartTimeSeconds, 6);
        Assert.Equal(2 * reach / catchUp, e.DurationSeconds, 6);
        Assert.True(e.DurationSeconds < 7.4 / catchUp * 0.85);
    }

    [Fact]
    public void A_lateral_gap_of_the_social_distance_or_more_means_no_encounter()
    {
        var network = TinyWorlds.SingleStreet(100);
        Passage a = new(0, 0, 1, 0, 100 / Walk, Walk, TravelModes.Walk, 0, LateralOffsetMetres: -1.85f);
        Passage b = new(1, 0, -1, 0, 100 / Walk, Walk, TravelModes.Walk, 100, LateralOffsetMetres: 1.85f);

        Assert.Empty(Detect(network, a, b));
    }

    /// <summary>
    /// 0 —s0→ 1 ←s1— 2: s1 is drawn the other way, so "left of the segment" is the other side of the street there.
    /// Two walkers head-on through node 1 meet on the same physical pavement and not on opposite ones.
    /// </summary>
    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void Through_a_node_between_segments_drawn_opposite_ways_the_pavement_side_is_kept(bool bKeepsLeft, bool meet)
    {
        var network = TinyWorlds.Build([(0, 0), (50, 0), (100, 0)], [(0, 1, 4f), (2, 1, 4f)]);
        double leg = 50 / Walk;
        // a walks east on its left (north); b walks west keeping right (north, the same pavement) or left (south).
        float aOnS0 = LateralPlacement.Walker(network, 0, 1, true, 0.5, CrossSection);
        float aOnS1 = LateralPlacement.Walker(network, 1, -1, true, 0.5, CrossSection);
        float bOnS1 = LateralPlacement.Walker(network, 1, 1, bKeepsLeft, 0.5, CrossSection);
        float bOnS0 = LateralPlacement.Walker(network, 0, -1, bKeepsLeft, 0.5, CrossSection);
        Assert.Equal(aOnS0, -aOnS1);
        Encounter[] found = Detect(network,
            new Passage(0, 0, 1, 0, leg, Walk, TravelModes.Walk, 0, aOnS0),
            new Passage(0, 1, -1, leg, 2 * leg, Walk, TravelModes.Walk, 50, aOnS1),
            new Passage(1, 1, 1, 0, leg, Walk, TravelModes.Walk, 0, bOnS1),
            new Passage(1, 0, -1, leg, 2 * leg, Walk, TravelModes.Walk, 50, bOnS0));

        if (meet)
        {
            Encounter e = Assert.Single(found);
            Assert.Equal(EncounterKind.Passing, e.Kind);
            Assert.Equal(7.4 / (2 * (double)Walk), e.DurationSeconds, 5);
        }
        else
        {
            Assert.Empty(found);
        }
    }
}
