using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Scenarios;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Scenarios;

public class StreetSelectorTests
{
    private static readonly StreetNetwork Network = TinyWorlds.NamedT().Network;
    private static readonly SourceLocation Here = new("test.json", "$", 1);

    private static int[] Resolve(StreetAddress address) => [.. StreetSelector.Resolve(address, Network).Select(s => s.Value)];

    private static LonLat At(double x, double y)
    {
        (double longitude, double latitude) = TinyWorlds.LonLat(x, y);
        return new LonLat(longitude, latitude);
    }

    [Fact]
    public void A_name_selects_every_segment_of_the_street_ignoring_case() =>
        Assert.Equal([0, 1], Resolve(new StreetByName("mekelweg") { Origin = Here }));

    [Fact]
    public void An_unknown_name_selects_nothing() =>
        Assert.Empty(Resolve(new StreetByName("Kanaalweg") { Origin = Here }));

    [Fact]
    public void Osm_way_ids_select_their_segments() =>
        Assert.Equal([2, 3], Resolve(new StreetByOsmWayIds([300, 200]) { Origin = Here }));

    [Fact]
    public void A_polygon_selects_segments_with_any_part_inside()
    {
        // A box around (150, 0) to (250, -60): the east half of Mekelweg passes through it, the footway lies inside.
        LonLat[] box = [At(150, 10), At(250, 10), At(250, -60), At(150, -60)];

        Assert.Equal([1, 3], Resolve(new StreetByPolygon(box) { Origin = Here }));
    }

    [Fact]
    public void A_polygon_crossed_by_a_segment_without_a_vertex_inside_still_selects_it()
    {
        // A thin box across Schoemakerstraat at y = 50: no vertex of any segment inside.
        LonLat[] box = [At(90, 45), At(110, 45), At(110, 55), At(90, 55)];

        Assert.Equal([2], Resolve(new StreetByPolygon(box) { Origin = Here }));
    }

    [Fact]
    public void A_point_selects_segments_within_the_radius()
    {
        Assert.Equal([2], Resolve(new StreetByPoint(At(110, 60), 15) { Origin = Here }));
        Assert.Equal([0, 1, 2], Resolve(new StreetByPoint(At(100, 5), 10) { Origin = Here }));
        Assert.Empty(Resolve(new StreetByPoint(At(50, 50), 20) { Origin = Here }));
    }

    [Fact]
    public void Missing_way_ids_are_listed() =>
        Assert.Equal([7L, 8L], StreetSelector.MissingWayIds(new StreetByOsmWayIds([100, 8, 7]) { Origin = Here }, Network));
}
