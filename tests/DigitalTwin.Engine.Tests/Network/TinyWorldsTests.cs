using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Places;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Network;

public class TinyWorldsTests
{
    [Fact]
    public void The_tiny_worlds_are_what_their_stories_say()
    {
        Assert.Equal([100f, 100f], TinyWorlds.TwoSegments().Network.LengthMetres.ToArray());
        Assert.Equal("Long Street", TinyWorlds.TwoSegments().Network.NameOf(new SegmentId(1)));

        StreetNetwork t = TinyWorlds.TJunction().Network;
        Assert.Equal(3, t.ArcsFrom(new NodeId(1)).Length);
        Assert.Equal("Side Street", t.NameOf(new SegmentId(2)));

        StreetNetwork square = TinyWorlds.FourNodeSquare().Network;
        Assert.All(Enumerable.Range(0, 4), n => Assert.Equal(2, square.ArcsFrom(new NodeId(n)).Length));

        var bench = Assert.Single(TinyWorlds.BenchStreet().Places.Records);
        Assert.Equal(PlaceKind.Bench, bench.Kind);
        Assert.Equal(3, bench.Capacity);
        Assert.Equal(50f, bench.OffsetMetres);
    }
}
