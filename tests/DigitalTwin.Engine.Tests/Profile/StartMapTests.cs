using DigitalTwin.Engine.Profile;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Profile;

/// <summary>Every start-map figure against values worked out by hand on the test kit's profile worlds.</summary>
public partial class StartMapTests
{
    private const int Precision = 6;

    private static double Value(StartMap map, string key) => map.Find(key)?.Value ?? throw new Xunit.Sdk.XunitException($"{key} is not assessed");

    [Fact]
    public void Narrow_pavement_is_the_length_below_two_metres_a_side()
    {
        var map = StartMap.Compute(TinyWorlds.ThreeWidthsStreet(), residents: 600);

        Assert.Equal(0.3, Value(map, "walkableStreetKm"), Precision);
        // 1.5 m (100 m) and 1.9 m (50 m) a side are below 2 m; 2.5 m (150 m) is not.
        Assert.Equal(0.15, Value(map, "narrowPavementKm"), Precision);
        Assert.Equal(50, Value(map, "narrowPavementShare"), Precision);
        Assert.Equal([true, false, true], map.Segments.Narrow);
        // (1.5 × 100 + 2.5 × 150 + 1.9 × 50) / 300 = 620 / 300.
        Assert.Equal(620.0 / 300, Value(map, "meanPavementWidthPerSideMetres"), 4);
    }

    [Fact]
    public void Lighting_benches_street_space_and_green_are_shares_and_rates_of_the_walkable_length()
    {
        var map = StartMap.Compute(TinyWorlds.ThreeWidthsStreet(), residents: 600);

        Assert.Equal(50, Value(map, "litShare"), Precision);
        Assert.Equal(0, Value(map, "lightingUnknownShare"), Precision);
        Assert.Equal(3, Value(map, "benches"));
        Assert.Equal(10, Value(map, "benchesPerKm"), Precision);
        Assert.Equal(5, Value(map, "benchesPer1000Residents"), Precision);
        // Carriageway 5.5 m everywhere: 5.5 × 300 / (8.5 × 100 + 10.5 × 150 + 9.3 × 50) = 1650 / 2890.
        Assert.Equal(100 * 1650.0 / 2890, Value(map, "carriagewayShareOfStreetWidth"), 3);
        Assert.Equal(10, Value(map, "parkAreaPerResidentSquareMetres"), Precision);
        // The streets' frontage is unknown (as after an OpenStreetMap import): not assessed rather than 0 % active.
        Assert.Equal(100, Value(map, "frontageUnknownShare"), Precision);
        Assert.Null(map.Find("activeFrontageShare")!.Value);
        // No street is flagged beside green or water: not assessed rather than 0 %.
        Assert.Null(map.Find("streetsBesideGreenOrWaterShare")!.Value);
    }

    [Fact]
    public void Third_places_are_reached_along_the_network_not_as_the_crow_flies()
    {
        var map = StartMap.Compute(TinyWorlds.CafeStreet(), residents: 8);

        // Homes 0 and 1 are 250 m from the café, home 2 600 m, home 3 1,290 m along the lane (30 m in a straight line).
        Assert.Equal(250, map.Homes.NearestThirdPlaceMetres[0], 3);
        Assert.Equal(250, map.Homes.NearestThirdPlaceMetres[1], 3);
        Assert.Equal(double.PositiveInfinity, map.Homes.NearestThirdPlaceMetres[2]);
        Assert.Equal([true, true, false, false], map.Homes.WithinNear);
        Assert.Equal([true, true, false, false], map.Homes.WithinFar);
        Assert.Equal(50, Value(map, "homesWithin300mAny"), Precision);
        Assert.Equal(50, Value(map, "homesWithin500mAny"), Precision);
        Assert.Equal(50, Value(map, "homesWithin300mFoodAndDrink"), Precision);
        Assert.Equal(0, Value(map, "homesWithin500mShops"), Precision);
        Assert.Equal(1, Value(map, "thirdPlaces"));
    }

    [Fact]
    public void Two_of_three_homes_are_within_300_m_when_the_third_is_600_m_away()
    {
        var world = TinyWorlds.CafeStreet();
        var three = world with { Homes = new DigitalTwin.Engine.Places.HomeSet(world.Homes.Records.Take(3)) };

        var map = StartMap.Compute(three, residents: 6);

        Assert.Equal(200.0 / 3, Value(map, "homesWithin300mAny"), Precision);
    }

    [Fact]
    public void A_busy_road_counts_its_marked_crossings_and_side_streets_per_km()
    {
        var map = StartMap.Compute(TinyWorlds.BusyRoad(), residents: 100);

        Assert.Equal(1, Value(map, "busyRoadKm"), Precision);
        Assert.Equal([true, true, true, false], map.Segments.Busy);
        // The zebra at M and the side street at J: two chances to cross in 1 km, one of them marked.
        Assert.Equal(2, Value(map, "crossingOpportunitiesPerKmBusyRoad"), Precision);
        Assert.Equal(1, Value(map, "markedCrossingsPerKmBusyRoad"), Precision);
        // A world without barrier lines has none to cross: 0 km, and no spacing to assess.
        Assert.Equal(0, Value(map, "waterBarrierKm"));
        Assert.Null(map.Find("waterCrossingSpacingMeanMetres")!.Value);
    }

    [Fact]
    public void Traffic_volume_alone_makes_a_30_kmh_street_busy()
    {
        var quiet = StartMap.Compute(TinyWorlds.ThreeWidthsStreet(), residents: 1);
        Assert.Equal(0, Value(quiet, "busyRoadKm"), Precision);
        Assert.Null(quiet.Find("crossingOpportunitiesPerKmBusyRoad")!.Value);

        var parameters = new StartMapParameters { BusyVehiclesPerDay = 400 };
        var busy = StartMap.Compute(TinyWorlds.ThreeWidthsStreet(), residents: 1, parameters);
        Assert.Equal(0.3, Value(busy, "busyRoadKm"), Precision);
    }

    [Fact]
    public void Every_indicator_has_a_definition_and_a_source()
    {
        var map = StartMap.Compute(TinyWorlds.CafeStreet(), residents: 8);

        Assert.All(map.Indicators, i =>
        {
            Assert.False(string.IsNullOrWhiteSpace(i.Definition), i.Key);
            Assert.False(string.IsNullOrWhiteSpace(i.Source), i.Key);
        });
        Assert.Equal(map.Indicators.Count, map.Indicators.Select(i => i.Key).Distinct().Count());
    }
}
