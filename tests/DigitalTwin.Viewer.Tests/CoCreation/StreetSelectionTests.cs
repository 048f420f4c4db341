using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Scenarios;
using DigitalTwin.Viewer.CoCreation;

namespace DigitalTwin.Viewer.Tests.CoCreation;

public class StreetSelectionTests
{
    /// <summary>Four segments: two cut from way 70, one from way 50, one without a way id.</summary>
    private static RunFile FourSegments() => new()
    {
        SegmentLengthMetres = [10, 10, 10, 10],
        OsmWayId = [70, 50, 70, 0],
        StreetNames = [string.Empty, "Long Street", "Short Street"],
        SegmentNameIndex = [1, 2, 1, 0],
    };

    [Fact]
    public void A_click_on_a_segment_selects_every_segment_of_its_way()
    {
        var run = FourSegments();
        var selection = new StreetSelection();

        Assert.True(selection.Toggle(run, 2));

        Assert.Equal([0, 2], selection.Segments(run));
        Assert.True(selection.Contains(run, 0));
        Assert.False(selection.Contains(run, 1));
        Assert.Equal(["Long Street"], selection.StreetNames(run));
    }

    [Fact]
    public void A_second_click_on_the_same_way_removes_it_and_clear_removes_all()
    {
        var run = FourSegments();
        var selection = new StreetSelection();
        selection.Toggle(run, 0);
        selection.Toggle(run, 1);

        selection.Toggle(run, 2);
        Assert.Equal([1], selection.Segments(run));

        selection.Clear();
        Assert.True(selection.IsEmpty);
        Assert.Empty(selection.Segments(run));
    }

    [Fact]
    public void A_segment_without_a_way_id_cannot_be_selected()
    {
        var selection = new StreetSelection();

        Assert.False(selection.Toggle(FourSegments(), 3));
        Assert.True(selection.IsEmpty);
    }

    [Fact]
    public void The_address_lists_the_ways_in_ascending_order_whatever_the_click_order()
    {
        var run = FourSegments();
        var selection = new StreetSelection();
        selection.Toggle(run, 2);
        selection.Toggle(run, 1);
        var origin = new SourceLocation("(viewer)", "$.edits[0].streets", 0);

        var address = selection.ToAddress(origin);

        Assert.Equal([50L, 70L], address.OsmWayIds);
        Assert.Equal(origin, address.Origin);
    }

    [Fact]
    public void The_engine_resolves_the_address_to_exactly_the_highlighted_segments()
    {
        var neighbourhood = NetworkGenerator.Grid(3, 3);
        var run = RunWriter.ToMapFile(new RunMetadata("grid", "grid.json", string.Empty, "grid.geojson", 1, 1, 1, 0), neighbourhood);
        // The generator cuts no way into pieces; give two segments one way, as OSM import does with a long street.
        run.OsmWayId[1] = run.OsmWayId[0] = 9001;
        var network = neighbourhood.Network.ToBuilder();
        var attributes = network.GetAttributes(new SegmentId(0));
        network.SetAttributes(new SegmentId(0), attributes with { OsmWayId = 9001 });
        network.SetAttributes(new SegmentId(1), network.GetAttributes(new SegmentId(1)) with { OsmWayId = 9001 });
        var selection = new StreetSelection();
        selection.Toggle(run, 1);

        var resolved = StreetSelector.Resolve(selection.ToAddress(new SourceLocation("(viewer)", "$", 0)), network.Build());

        Assert.Equal(selection.Segments(run), resolved.Select(s => s.Value).ToArray());
        Assert.Equal([0, 1], selection.Segments(run));
    }
}
