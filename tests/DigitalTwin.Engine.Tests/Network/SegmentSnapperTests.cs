using DigitalTwin.Engine.Network;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Network;

public class SegmentSnapperTests
{
    [Fact]
    public void A_point_beside_a_street_snaps_to_it_at_the_foot_of_the_perpendicular()
    {
        var snapper = new SegmentSnapper(TinyWorlds.TwoSegments().Network);
        SnapResult snap = snapper.Snap(130, 12, 250)!.Value;
        Assert.Equal(new SegmentId(1), snap.Segment);
        Assert.Equal(30f, snap.OffsetMetres, 3);
        Assert.Equal(12, snap.DistanceMetres, 6);
    }

    [Fact]
    public void A_point_near_a_corner_takes_the_nearer_arm()
    {
        var snapper = new SegmentSnapper(TinyWorlds.FourNodeSquare().Network);
        SnapResult snap = snapper.Snap(95, 60, 250)!.Value; // 5 m from East Street, 40 m from North Street
        Assert.Equal(new SegmentId(1), snap.Segment);
        Assert.Equal(60f, snap.OffsetMetres, 3);
    }

    [Fact]
    public void A_point_beyond_reach_snaps_nowhere()
    {
        var snapper = new SegmentSnapper(TinyWorlds.BenchStreet().Network);
        Assert.Null(snapper.Snap(50, 400, 250));
        Assert.NotNull(snapper.Snap(50, 240, 250));
    }

    [Fact]
    public void Far_points_are_found_by_growing_the_search()
    {
        var snapper = new SegmentSnapper(TinyWorlds.BenchStreet().Network);
        Assert.Equal(900, snapper.Snap(50, 900, 10_000)!.Value.DistanceMetres, 6);
    }

    [Fact]
    public void Streets_within_a_radius_come_nearest_first_and_ties_in_segment_order()
    {
        var snapper = new SegmentSnapper(TinyWorlds.FourNodeSquare().Network);

        // 10 m from South Street, 40 m from West Street, 60 m from East, 90 m from North.
        var within = snapper.Within(40, 10, 70);

        Assert.Equal([0, 3, 1], within.Select(s => s.Segment.Value));
        Assert.Equal([10, 40, 60], within.Select(s => Math.Round(s.DistanceMetres, 6)));
        Assert.Equal([0, 1, 2, 3], snapper.Within(50, 50, 50).Select(s => s.Segment.Value)); // the centre: all 50 m away
    }
}
