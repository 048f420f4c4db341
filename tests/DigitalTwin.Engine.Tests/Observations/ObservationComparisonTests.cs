using DigitalTwin.Engine.Observations;
using DigitalTwin.Engine.Scenarios;
using DigitalTwin.Engine.Surroundings;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Observations;

/// <summary>
/// The three rules that set observations against a simulation, on the four-node square with simulated counts chosen
/// by hand: South Street (0) no nods, East Street (1) 10, North Street (2) 40, West Street (3) 100 and the only busy
/// road; the Corner Shop on North Street no nods. Nearest-rank percentiles of [0, 10, 40, 100]: the 25th is 0, the
/// 95th is 100.
/// </summary>
public class ObservationComparisonTests
{
    private static readonly bool[] Walkable = [true, true, true, true];
    private static readonly bool[] WestIsBusy = [false, false, false, true];

    private static readonly SimulatedMeetings Simulated = new([0, 10, 40, 100], [0, 20, 80, 200], [0], [0], Days: 2);

    private static Observation At(ObservationKind kind, double x, double y, int line, AspectRatings ratings = default)
    {
        var (lon, lat) = TinyWorlds.LonLat(x, y);
        return new Observation { Kind = kind, Positions = [new LonLat(lon, lat)], SourceNumber = line, Ratings = ratings };
    }

    private static IReadOnlyList<LocatedObservation> Locate(Neighbourhood world, params Observation[] observations) =>
        ObservationLocator.Locate(new ObservationSet("o.csv", observations), world).Unwrap();

    [Fact]
    public void A_valued_place_with_no_traffic_is_flagged_and_a_barrier_far_from_any_busy_road_too()
    {
        var square = TinyWorlds.FourNodeSquare();
        var located = Locate(square,
            At(ObservationKind.ValuedPlace, 55, 95, 2),                                           // at the Corner Shop: 0 nods, at or below the places' 0
            At(ObservationKind.MeetingSpot, 40, 5, 3),                                            // South Street: 0 nods, at or below 0
            At(ObservationKind.Photo, 95, 50, 4, AspectRatings.None.With(ObservationAspect.Meeting, 5)), // East Street, rated 5: valued, 10 nods
            At(ObservationKind.Barrier, 60, 3, 5),                                                // 60 m from West Street
            At(ObservationKind.Barrier, 10, 50, 6),                                               // 10 m from West Street
            At(ObservationKind.ValuedPlace, 45, 5, 7, AspectRatings.None.With(ObservationAspect.Safety, 2))); // its own rating says not valued

        var comparison = ObservationComparison.Compute(located, square, Walkable, WestIsBusy, Simulated);

        Assert.Equal(3, comparison.ValuedCount);
        Assert.Equal(0, comparison.SegmentFewMeetThreshold);
        Assert.Equal(0, comparison.PlaceFewMeetThreshold);
        Assert.Equal(100, comparison.SegmentBusyThreshold);
        Assert.Equal([(0, 0, -1), (1, -1, 0)], comparison.QuietValuedSpots.Select(q => (q.Observation, q.Place, q.Segment)));
        var barrier = Assert.Single(comparison.UnmappedBarriers);
        Assert.Equal(3, barrier.Observation);
        Assert.Equal(60, barrier.NearestMappedBarrierMetres, 1);
        Assert.Equal(10, comparison.BarrierDistanceMetres[4], 1);
        // West Street is the busiest, but the meeting spot on South Street lies 40 m from it: valued, within 100 m.
        Assert.Empty(comparison.UnvaluedBusySpots);
    }

    [Fact]
    public void A_barrier_beside_a_canal_or_a_railway_is_on_the_map()
    {
        var square = TinyWorlds.FourNodeSquare();
        // A canal along x = 80 and a railway along y = 300, as the importer keeps them.
        var world = square with
        {
            Barriers = new BarrierLines([BarrierKind.Water, BarrierKind.Rail], [0, 2, 4], [80, 80, -100, 200], [-50, 150, 300, 300]),
        };
        var located = Locate(world,
            At(ObservationKind.Barrier, 60, 3, 2),   // 60 m from West Street, 20 m from the canal
            At(ObservationKind.Barrier, 10, 50, 3),  // 10 m from West Street
            At(ObservationKind.Barrier, 50, 95, 4)); // 50 m from West Street and 30 m from the canal: the canal is nearer

        var comparison = ObservationComparison.Compute(located, world, Walkable, WestIsBusy, simulated: null);

        Assert.Empty(comparison.UnmappedBarriers);
        Assert.Equal(20, comparison.BarrierDistanceMetres[0], 1);
        Assert.Equal([MappedBarrier.Water, MappedBarrier.BusyRoad, MappedBarrier.Water], comparison.BarrierNearest.OrderBy(kv => kv.Key).Select(kv => kv.Value));
        // Without the canal, the first is 60 m from anything on the map: not on it.
        var withoutCanal = ObservationComparison.Compute(Locate(square, At(ObservationKind.Barrier, 60, 3, 2)), square, Walkable, WestIsBusy, simulated: null);
        Assert.Equal(MappedBarrier.BusyRoad, Assert.Single(withoutCanal.UnmappedBarriers).Nearest);
    }

    [Fact]
    public void A_barrier_at_the_edge_of_a_water_area_is_on_the_map()
    {
        var square = TinyWorlds.FourNodeSquare();
        // A pond from x = 70 to 90, y = -20 to 20 (no watercourse line): its west edge is 10 m from the pin.
        var world = square with { Background = new MapBackground([BackgroundKind.Water], [0, 4], [70, 90, 90, 70], [-20, -20, 20, 20]) };
        var located = Locate(world, At(ObservationKind.Barrier, 60, 3, 2));

        var comparison = ObservationComparison.Compute(located, world, Walkable, WestIsBusy, simulated: null);

        Assert.Empty(comparison.UnmappedBarriers);
        Assert.Equal(10, comparison.BarrierDistanceMetres[0], 1);
        Assert.Equal(MappedBarrier.Water, comparison.BarrierNearest[0]);
    }

    [Fact]
    public void A_busy_street_with_no_valued_observation_within_the_radius_is_flagged()
    {
        var square = TinyWorlds.FourNodeSquare();
        var located = Locate(square, At(ObservationKind.MeetingSpot, 40, 5, 2), At(ObservationKind.Unsafe, 5, 50, 3));

        var within100 = ObservationComparison.Compute(located, square, Walkable, WestIsBusy, Simulated);
        var within30 = ObservationComparison.Compute(located, square, Walkable, WestIsBusy, Simulated, new ObservationComparisonParameters { ValuedRadiusMetres = 30 });

        Assert.Empty(within100.UnvaluedBusySpots);
        // The unsafe mark 5 m from West Street does not make it valued; the meeting spot is 40 m away.
        var busy = Assert.Single(within30.UnvaluedBusySpots);
        Assert.Equal((false, 3, 100L), (busy.IsPlace, busy.Index, busy.Nods));
        Assert.Equal(40, busy.NearestValuedMetres, 1);
    }

    [Fact]
    public void A_valued_line_is_quiet_only_when_its_busiest_street_is()
    {
        var square = TinyWorlds.FourNodeSquare();
        // Along East Street (10 nods) and round onto North Street (40 nods).
        var (a, b, c) = (TinyWorlds.LonLat(100, 20), TinyWorlds.LonLat(100, 100), TinyWorlds.LonLat(60, 100));
        var line = new Observation
        {
            Kind = ObservationKind.MeetingSpot, SourceNumber = 2,
            Positions = [new LonLat(a.Longitude, a.Latitude), new LonLat(b.Longitude, b.Latitude), new LonLat(c.Longitude, c.Latitude)],
        };
        var located = Locate(square, line);

        var lowerQuartile = ObservationComparison.Compute(located, square, Walkable, WestIsBusy, Simulated);
        var upperQuartile = ObservationComparison.Compute(located, square, Walkable, WestIsBusy, Simulated, new ObservationComparisonParameters { FewMeetPercentile = 75 });

        Assert.Empty(lowerQuartile.QuietValuedSpots);
        // At the 75th percentile (40 nods) North Street, the line's busiest, is at the threshold: quiet, and named.
        var quiet = Assert.Single(upperQuartile.QuietValuedSpots);
        Assert.Equal((2, 40L, 40.0), (quiet.Segment, quiet.Nods, quiet.Threshold));
    }

    [Fact]
    public void Without_a_simulation_only_barriers_are_compared()
    {
        var square = TinyWorlds.FourNodeSquare();
        var located = Locate(square, At(ObservationKind.ValuedPlace, 55, 95, 2), At(ObservationKind.Barrier, 60, 3, 3));

        var comparison = ObservationComparison.Compute(located, square, Walkable, [false, false, false, false], simulated: null);

        Assert.Null(comparison.SegmentFewMeetThreshold);
        Assert.Empty(comparison.QuietValuedSpots);
        Assert.Empty(comparison.UnvaluedBusySpots);
        // No busy road at all: every barrier residents name is one the map does not have.
        Assert.True(double.IsPositiveInfinity(Assert.Single(comparison.UnmappedBarriers).NearestMappedBarrierMetres));
    }

    [Theory]
    [InlineData(25, 0)]
    [InlineData(50, 10)]
    [InlineData(75, 40)]
    [InlineData(95, 100)]
    [InlineData(100, 100)]
    [InlineData(0, 0)]
    public void Percentiles_are_nearest_rank_and_always_one_of_the_values(double percentile, double expected) =>
        Assert.Equal(expected, ObservationComparison.Percentile([100, 0, 40, 10], percentile));

    [Fact]
    public void Run_counts_add_up_the_day_periods()
    {
        var run = new Engine.IO.RunFile
        {
            SegmentLengthMetres = [10, 10],
            PlaceKind = [0],
            Days = 3,
            Nods = [1, 2, 3, 4, 10, 0, 0, 1],
            Encounters = [1, 1, 1, 1, 2, 2, 2, 2],
            PlaceNods = [5, 0, 0, 5],
            PlaceEncounters = [1, 1, 1, 1],
        };

        var meetings = SimulatedMeetings.FromRun(run);

        Assert.Equal([10L, 11L], meetings.SegmentNods);
        Assert.Equal([4L, 8L], meetings.SegmentEncounters);
        Assert.Equal([10L], meetings.PlaceNods);
        Assert.Equal(3, meetings.Days);
    }
}
