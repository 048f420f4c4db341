using DigitalTwin.Engine.Observations;
using DigitalTwin.Engine.Scenarios;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Observations;

/// <summary>Observations land on the street or place they are about.</summary>
public class ObservationLocatorTests
{
    private static LonLat At(double x, double y)
    {
        var (lon, lat) = TinyWorlds.LonLat(x, y);
        return new LonLat(lon, lat);
    }

    private static ObservationSet Set(params Observation[] observations) => new("o.csv", observations);

    [Fact]
    public void A_point_goes_to_its_nearest_street_and_to_a_place_within_reach()
    {
        // The square: South Street (0) along y = 0, North Street (2) along y = 100 with the Corner Shop at (50, 100).
        var square = TinyWorlds.FourNodeSquare();
        var onSouth = new Observation { Kind = ObservationKind.Unsafe, Positions = [At(40, 5)], SourceNumber = 2 };
        var atShop = new Observation { Kind = ObservationKind.ValuedPlace, Positions = [At(55, 95)], SourceNumber = 3 };

        var located = ObservationLocator.Locate(Set(onSouth, atShop), square).Unwrap();

        Assert.Equal([0], located[0].Segments.Select(s => s.Value));
        Assert.Equal(-1, located[0].Place);
        Assert.Equal(5, located[0].DistanceMetres, 1);
        Assert.Equal([2], located[1].Segments.Select(s => s.Value));
        Assert.Equal(0, located[1].Place);
    }

    [Fact]
    public void A_line_takes_every_street_it_runs_along_and_a_far_point_is_a_problem()
    {
        var square = TinyWorlds.FourNodeSquare();
        // Along East Street (1) from the south-east corner up and round onto North Street (2).
        var line = new Observation { Kind = ObservationKind.Barrier, Positions = [At(100, 20), At(100, 100), At(60, 100)], SourceNumber = 2 };
        var far = new Observation { Kind = ObservationKind.Photo, Positions = [At(2000, 0)], SourceNumber = 3 };

        var ok = ObservationLocator.Locate(Set(line), square).Unwrap();
        var refused = ObservationLocator.Locate(Set(line, far), square);

        Assert.Equal([1, 2], ok[0].Segments.Select(s => s.Value).Order());
        Assert.Contains("line 3: is more than 250 m from any street of the map", string.Join("\n", refused.Problems), StringComparison.Ordinal);
    }
}
