using DigitalTwin.Engine.Collections;
using DigitalTwin.Engine.Encounters;
using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Network;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Encounters;

public class ExactEncounterDetectorTests
{
    private const double Walk = 1.4;

    private static Encounter[] Detect(StreetNetwork network, TrajectoryBuffer day, int placeCount = 0, EncounterParameters? parameters = null)
    {
        var detector = new ExactEncounterDetector(parameters ?? new EncounterParameters { MaxThreads = 1 });
        var output = new EncounterBuffer();
        detector.Detect(network, placeCount, day, output);
        return output.Items.ToArray();
    }

    /// <summary>Half an hour of 4,000 people on an 8 × 8 grid with 10 places: thousands of encounters.</summary>
    private static (StreetNetwork Network, TrajectoryBuffer Day) BusyGridDay()
    {
        var network = TinyWorlds.Grid(8);
        var day = new TrajectoryBuffer();
        SyntheticDays.Fill(day, network, seed: 11, residents: 4000, placeCount: 10, horizonSeconds: 1800);
        return (network, day);
    }

    private static TrajectoryBuffer Day(params Passage[] passages)
    {
        var day = new TrajectoryBuffer();
        foreach (Passage p in passages)
        {
            day.AddPassage(p);
        }
        return day;
    }

    [Fact]
    public void Two_walkers_head_on_pass_each_other_once_in_the_middle()
    {
        var network = TinyWorlds.SingleStreet(100);
        var day = Day(
            new Passage(0, 0, 1, 0, 100 / Walk, (float)Walk, TravelModes.Walk, 0),
            new Passage(1, 0, -1, 0, 100 / Walk, (float)Walk, TravelModes.Walk, 100));

        Encounter e = Assert.Single(Detect(network, day));

        Assert.Equal(EncounterKind.Passing, e.Kind);
        Assert.Equal((0, 1), (e.ResidentA, e.ResidentB));
        // |100 − 2.8 t| ≤ 3.7 ⇒ t from (100 − 3.7) / 2.8, for 7.4 / 2.8 s.
        double relative = 2 * (double)(float)Walk;
        Assert.Equal((100 - 3.7) / relative, e.StartTimeSeconds, 6);
        Assert.Equal(7.4 / relative, e.DurationSeconds, 6);
        Assert.Equal(50, e.PositionMetres, 3);
        Assert.Equal(0, e.Segment);
        Assert.Equal(-1, e.Place);
        Assert.Equal(1f, e.Weight);
        Assert.Equal(2, e.Crowding);
    }

    [Fact]
    public void A_faster_walker_overtakes_a_slower_one()
    {
        var network = TinyWorlds.SingleStreet(100);
        var day = Day(
            new Passage(0, 0, 1, 0, 100, 1.0f, TravelModes.Walk, 0),
            new Passage(1, 0, 1, 10, 10 + 100 / 1.6, 1.6f, TravelModes.Walk, 0));

        Encounter e = Assert.Single(Detect(network, day));

        Assert.Equal(EncounterKind.Overtaking, e.Kind);
        // 0.6 t − 16 within ±3.7 ⇒ t in [12.3 / 0.6, 19.7 / 0.6].
        double catchUp = (double)1.6f - 1.0;
        double headStart = 10 * (double)1.6f;
        Assert.Equal((headStart - 3.7) / catchUp, e.StartTimeSeconds, 6);
        Assert.Equal(7.4 / catchUp, e.DurationSeconds, 6);
    }

    [Fact]
    public void Walking_together_over_two_segments_is_one_alongside_encounter()
    {
        var network = TinyWorlds.TwoInLine();
        double leg = 50 / Walk;
        var day = Day(
            new Passage(0, 0, 1, 0, leg, (float)Walk, TravelModes.Walk, 0),
            new Passage(0, 1, 1, leg, 2 * leg, (float)Walk, TravelModes.Walk, 0),
            new Passage(1, 0, 1, 1, 1 + leg, (float)Walk, TravelModes.Walk, 0),
            new Passage(1, 1, 1, 1 + leg, 1 + 2 * leg, (float)Walk, TravelModes.Walk, 0));

        Encounter e = Assert.Single(Detect(network, day));

        Assert.Equal(EncounterKind.Alongside, e.Kind);
        Assert.Equal(1, e.StartTimeSeconds, 9);
        Assert.Equal(2 * leg - 1, e.DurationSeconds, 6);
    }

    [Fact]
    public void Walkers_meeting_at_a_node_from_two_segments_pass_once_at_that_node()
    {
        var network = TinyWorlds.TwoInLine();
        double leg = 50 / Walk;
        var day = Day(
            new Passage(0, 0, 1, 0, leg, (float)Walk, TravelModes.Walk, 0),
            new Passage(0, 1, 1, leg, 2 * leg, (float)Walk, TravelModes.Walk, 0),
            new Passage(1, 1, -1, 0, leg, (float)Walk, TravelModes.Walk, 50),
            new Passage(1, 0, -1, leg, 2 * leg, (float)Walk, TravelModes.Walk, 50));

        Encounter e = Assert.Single(Detect(network, day));

        Assert.Equal(EncounterKind.Passing, e.Kind);
        double relative = 2 * (double)(float)Walk;
        Assert.Equal(7.4 / relative, e.DurationSeconds, 5);
        Assert.Equal(leg - 3.7 / relative, e.StartTimeSeconds, 5);
    }

    [Fact]
    public void Two_walkers_on_streets_without_a_shared_node_never_meet_even_side_by_side()
    {
        var network = TinyWorlds.Build([(0, 0), (100, 0), (0, 2), (100, 2)], [(0, 1, 2f), (2, 3, 2f)]);
        var day = Day(
            new Passage(0, 0, 1, 0, 100 / Walk, (float)Walk, TravelModes.Walk, 0),
            new Passage(1, 1, 1, 0, 100 / Walk, (float)Walk, TravelModes.Walk, 0));

        Assert.Empty(Detect(network, day));
    }

    [Fact]
    public void Two_people_on_a_bench_at_the_same_time_are_co_present_for_the_overlap()
    {
        var day = new TrajectoryBuffer();
        day.AddStay(Stay.AtPlace(3, 0, 100, 400));
        day.AddStay(Stay.AtPlace(7, 0, 200, 600));
        day.AddStay(Stay.AtPlace(9, 1, 200, 600));

        Encounter e = Assert.Single(Detect(TinyWorlds.SingleStreet(), day, placeCount: 2));

        Assert.Equal(EncounterKind.CoPresent, e.Kind);
        Assert.Equal((3, 7), (e.ResidentA, e.ResidentB));
        Assert.Equal(0, e.Place);
        Assert.Equal(-1, e.Segment);
        Assert.Equal(200, e.StartTimeSeconds);
        Assert.Equal(200, e.DurationSeconds);
    }

    [Fact]
    public void Visitors_in_different_zones_of_a_big_place_do_not_meet()
    {
        var day = new TrajectoryBuffer();
        day.AddStay(Stay.AtPlace(0, 0, 100, 400, zone: 0));
        day.AddStay(Stay.AtPlace(1, 0, 100, 400, zone: 1));

        Assert.Empty(Detect(TinyWorlds.SingleStreet(), day, placeCount: 1));
    }

    [Fact]
    public void A_passer_by_meets_a_sitter_while_within_social_distance_of_the_bench()
    {
        var day = Day(new Passage(1, 0, 1, 0, 100 / Walk, (float)Walk, TravelModes.Walk, 0));
        day.AddStay(Stay.OnStreet(0, 0, 30, 0, 1000));

        Encounter e = Assert.Single(Detect(TinyWorlds.SingleStreet(100), day));

        Assert.Equal(EncounterKind.PassingBy, e.Kind);
        Assert.Equal((30 - 3.7) / (double)(float)Walk, e.StartTimeSeconds, 6);
        Assert.Equal(7.4 / (double)(float)Walk, e.DurationSeconds, 6);
        Assert.Equal(TravelModes.None, e.ModeA);
        Assert.Equal(TravelModes.Walk, e.ModeB);
    }

    [Fact]
    public void Walkers_on_a_street_without_pavement_never_meet()
    {
        var network = TinyWorlds.SingleStreet(100, pavementWidthMetres: 0);
        var day = Day(
            new Passage(0, 0, 1, 0, 100 / Walk, (float)Walk, TravelModes.Walk, 0),
            new Passage(1, 0, -1, 0, 100 / Walk, (float)Walk, TravelModes.Walk, 100));

        Assert.Empty(Detect(network, day));
    }

    [Fact]
    public void Car_occupants_never_meet_anyone()
    {
        var network = TinyWorlds.SingleStreet(100);
        var day = Day(
            new Passage(0, 0, 1, 0, 10, 10f, TravelModes.Car, 0),
            new Passage(1, 0, -1, 0, 10, 10f, TravelModes.Car, 100),
            new Passage(2, 0, -1, 0, 100 / Walk, (float)Walk, TravelModes.Walk, 100));

        Assert.Empty(Detect(network, day));
    }

    [Fact]
    public void A_cyclist_passing_a_walker_counts_with_the_cyclist_attention_weight()
    {
        var network = TinyWorlds.SingleStreet(100);
        var day = Day(
            new Passage(0, 0, 1, 0, 100 / Walk, (float)Walk, TravelModes.Walk, 0),
            new Passage(1, 0, -1, 0, 20, 5f, TravelModes.Bike, 100));

        Encounter e = Assert.Single(Detect(network, day));

        Assert.Equal(0.4f, e.Weight, 5);
        Assert.Equal(5f, e.SpeedMetresPerSecond);
        Assert.Equal(TravelModes.Bike, e.ModeB);
    }

    [Fact]
    public void A_short_lapse_joins_two_contacts_into_one_encounter_and_a_long_one_does_not()
    {
        // Two people stand 3 m apart; one steps away for a while and comes back.
        var network = TinyWorlds.SingleStreet(100);
        TrajectoryBuffer Stepping(double awaySeconds)
        {
            var day = new TrajectoryBuffer();
            day.AddStay(Stay.OnStreet(0, 0, 50, 0, 1000));
            day.AddStay(Stay.OnStreet(1, 0, 53, 0, 100));
            day.AddStay(Stay.OnStreet(1, 0, 60, 100, 100 + awaySeconds));
            day.AddStay(Stay.OnStreet(1, 0, 53, 100 + awaySeconds, 300));
            return day;
        }

        Assert.Single(Detect(network, Stepping(3)));
        Assert.Equal(2, Detect(network, Stepping(20)).Length);
    }

    [Fact]
    public void Results_do_not_depend_on_the_thread_count()
    {
        var (network, day) = BusyGridDay();

        Encounter[] one = Detect(network, day, 10, new EncounterParameters { MaxThreads = 1 });
        Encounter[] four = Detect(network, day, 10, new EncounterParameters { MaxThreads = 4 });
        Encounter[] three = Detect(network, day, 10, new EncounterParameters { MaxThreads = 3 });

        Assert.True(one.Length > 1000, $"only {one.Length} encounters");
        Assert.Equal(one, four);
        Assert.Equal(one, three);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Sweeping_node_pieces_in_bands_gives_what_sweeping_all_nodes_at_once_gives(int threads)
    {
        var (network, day) = BusyGridDay();
        (Encounter[] Found, int Bands) Run(long keepBytes, long bandBytes)
        {
            var detector = new ExactEncounterDetector(new EncounterParameters { MaxThreads = threads }) { Buffers = new DayBuffers(keepBytes), NodeBandBytes = bandBytes };
            var output = new EncounterBuffer();
            detector.Detect(network, 10, day, output);
            return (output.Items.ToArray(), detector.LastNodeBands);
        }

        var kept = Run(long.MaxValue, long.MaxValue);
        var oneBand = Run(0, long.MaxValue);
        var bands = Run(0, 48 * 300);

        Assert.True(kept.Found.Length > 1000, $"only {kept.Found.Length} encounters");
        Assert.Equal(0, kept.Bands);
        Assert.Equal(1, oneBand.Bands);
        Assert.True(bands.Bands > 10, $"only {bands.Bands} bands");
        Assert.Equal(kept.Found, oneBand.Found);
        Assert.Equal(kept.Found, bands.Found);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Encounters_within_a_group_are_left_out_and_counted_as_a_filter_after_detection_would(int threads)
    {
        var (network, day) = BusyGridDay();
        int[] groupOf = new int[4000];
        for (int r = 0; r < groupOf.Length; r++)
        {
            groupOf[r] = r % 40; // large groups, so that synthetic days have many encounters within them
        }
        var detector = new ExactEncounterDetector(new EncounterParameters { MaxThreads = threads });
        var output = new EncounterBuffer();

        detector.Detect(network, 10, day, output);
        Encounter[] all = output.Items.ToArray();
        detector.Detect(network, 10, day, output, groupOf);

        Encounter[] across = [.. all.Where(e => groupOf[e.ResidentA] != groupOf[e.ResidentB])];
        Assert.True(all.Length - across.Length > 10, $"only {all.Length - across.Length} within a group");
        Assert.Equal(across, output.Items.ToArray());
        Assert.Equal(all.Length - across.Length, detector.LastLeftOutCount);
    }

    [Fact]
    public void Output_is_sorted_by_pair_then_start_and_pairs_are_lower_first()
    {
        var network = TinyWorlds.Grid(5);
        var day = new TrajectoryBuffer();
        SyntheticDays.Fill(day, network, seed: 5, residents: 800, placeCount: 4, horizonSeconds: 600);

        Encounter[] encounters = Detect(network, day, 4);

        Assert.NotEmpty(encounters);
        for (int i = 0; i < encounters.Length; i++)
        {
            Assert.True(encounters[i].ResidentA < encounters[i].ResidentB);
            if (i > 0)
            {
                var previous = (encounters[i - 1].PairKey, encounters[i - 1].StartTimeSeconds);
                Assert.True(previous.CompareTo((encounters[i].PairKey, encounters[i].StartTimeSeconds)) < 0);
            }
        }
    }
}
