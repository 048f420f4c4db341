using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Tests.Network;

public class OsmTagInterpretationTests
{
    /// <summary>"k=v;k=v" to a tag dictionary, so each row of a table reads like the OSM tags it stands for.</summary>
    private static Dictionary<string, string> Tags(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);

    private static SegmentAttributes Interpret(string tags) =>
        OsmTagInterpretation.Interpret(Tags(tags)) ?? throw new Xunit.Sdk.XunitException($"'{tags}' was not a street for people");

    [Theory]
    [InlineData("highway=motorway")]
    [InlineData("highway=motorway_link")]
    [InlineData("highway=trunk")]
    [InlineData("highway=trunk_link;foot=no;bicycle=no")]
    [InlineData("highway=construction")]
    [InlineData("highway=proposed")]
    [InlineData("highway=busway")]
    [InlineData("building=house")]
    [InlineData("highway=footway;access=no")]
    [InlineData("highway=service;access=private")]
    [InlineData("highway=path;foot=no;bicycle=no")]
    [InlineData("highway=residential;foot=no;bicycle=no;motor_vehicle=no")]
    public void Ways_not_for_people_are_dropped(string tags) =>
        Assert.Null(OsmTagInterpretation.Interpret(Tags(tags)));

    /// <summary>
    /// A main road whose pavements and cycle tracks are mapped beside it is kept for the cars that use it, with no
    /// pavement: its traffic is what walkers wait for where they cross it.
    /// </summary>
    [Theory]
    [InlineData("highway=tertiary;bicycle=use_sidepath;foot=use_sidepath", 3000)]
    [InlineData("highway=secondary;bicycle=use_sidepath;foot=use_sidepath;oneway=yes", 8000)]
    [InlineData("highway=residential;foot=no;bicycle=no", 500)]
    public void Carriageways_closed_to_walkers_and_cyclists_are_kept_for_cars_only(string tags, float vehiclesPerDay)
    {
        var interpreted = OsmTagInterpretation.Interpret(Tags(tags));

        Assert.NotNull(interpreted);
        var attributes = interpreted.Value;
        Assert.Equal(TravelModes.Car, (attributes.ModesForward | attributes.ModesBackward) & (TravelModes.Walk | TravelModes.Bike | TravelModes.Car));
        Assert.Equal(0, attributes.PavementWidthMetres);
        Assert.Equal(vehiclesPerDay, attributes.CarVehiclesPerDay); // the highway type's default traffic
    }

    [Theory]
    // highway type defaults
    [InlineData("highway=residential", "walk,bike,car", "walk,bike,car")]
    [InlineData("highway=footway", "walk", "walk")]
    [InlineData("highway=pedestrian", "walk", "walk")]
    [InlineData("highway=steps", "walk", "walk")]
    [InlineData("highway=path", "walk,bike", "walk,bike")]
    [InlineData("highway=cycleway", "walk,bike", "walk,bike")]
    [InlineData("highway=track", "walk,bike", "walk,bike")]
    // access and its mode-specific exceptions
    [InlineData("highway=footway;access=no;foot=yes", "walk", "walk")]
    [InlineData("highway=service;access=private;foot=yes", "walk", "walk")]
    [InlineData("highway=footway;bicycle=yes", "walk,bike", "walk,bike")]
    [InlineData("highway=footway;access=yes", "walk", "walk")]
    [InlineData("highway=pedestrian;bicycle=designated", "walk,bike", "walk,bike")]
    [InlineData("highway=cycleway;foot=no", "bike", "bike")]
    [InlineData("highway=residential;motor_vehicle=no", "walk,bike", "walk,bike")]
    [InlineData("highway=residential;motor_vehicle=no;motorcar=yes", "walk,bike,car", "walk,bike,car")]
    [InlineData("highway=residential;vehicle=no", "walk", "walk")]
    [InlineData("highway=residential;vehicle=no;bicycle=yes", "walk,bike", "walk,bike")]
    [InlineData("highway=residential;access=destination", "walk,bike,car", "walk,bike,car")]
    [InlineData("highway=tertiary;bicycle=no;foot=yes", "walk,car", "walk,car")]
    // one-ways: cars and bikes, never walkers
    [InlineData("highway=residential;oneway=yes", "walk,bike,car", "walk")]
    [InlineData("highway=residential;oneway=-1", "walk", "walk,bike,car")]
    [InlineData("highway=residential;oneway=no", "walk,bike,car", "walk,bike,car")]
    [InlineData("highway=residential;oneway=yes;oneway:bicycle=no", "walk,bike,car", "walk,bike")]
    [InlineData("highway=residential;oneway=yes;cycleway=opposite", "walk,bike,car", "walk,bike")]
    [InlineData("highway=residential;oneway=yes;cycleway:left=opposite_lane", "walk,bike,car", "walk,bike")]
    [InlineData("highway=residential;oneway:bicycle=yes", "walk,bike,car", "walk,car")]
    [InlineData("highway=cycleway;oneway=yes", "walk,bike", "walk")]
    [InlineData("highway=footway;oneway=yes", "walk", "walk")]
    [InlineData("highway=tertiary;junction=roundabout", "walk,bike,car", "walk")]
    [InlineData("highway=tertiary;junction=roundabout;oneway=no", "walk,bike,car", "walk,bike,car")]
    public void Modes_follow_type_access_and_oneway(string tags, string forward, string backward)
    {
        SegmentAttributes a = Interpret(tags);
        Assert.Equal(forward, Modes(a.ModesForward));
        Assert.Equal(backward, Modes(a.ModesBackward));
    }

    private static string Modes(TravelModes modes) => DigitalTwin.Engine.IO.GeoJsonColumns.ModesText(modes);

    [Theory]
    // defaults per type (CROW: 1.5 m a side in residential streets; footways about 2 m)
    [InlineData("highway=residential", 3.0)]
    [InlineData("highway=tertiary", 3.6)]
    [InlineData("highway=primary", 4.0)]
    [InlineData("highway=footway", 2.0)]
    [InlineData("highway=living_street", 4.0)]
    [InlineData("highway=pedestrian", 5.0)]
    // sidewalk tags on roads
    [InlineData("highway=residential;sidewalk=both", 3.0)]
    [InlineData("highway=residential;sidewalk=left", 1.5)]
    [InlineData("highway=residential;sidewalk=right", 1.5)]
    [InlineData("highway=residential;sidewalk=no", 0.0)]
    [InlineData("highway=residential;sidewalk=none", 0.0)]
    [InlineData("highway=residential;sidewalk=separate", 0.0)]
    [InlineData("highway=residential;sidewalk=both;sidewalk:both:width=2.2", 4.4)]
    [InlineData("highway=residential;sidewalk=both;sidewalk:left:width=1.2;sidewalk:right:width=2.5", 3.7)]
    [InlineData("highway=residential;sidewalk:left=yes;sidewalk:right=no;sidewalk:left:width=2", 2.0)]
    [InlineData("highway=residential;sidewalk=right;sidewalk:width=1.8", 1.8)]
    [InlineData("highway=residential;sidewalk:both:width=2", 4.0)]
    // width of a road is its carriageway, not its pavement
    [InlineData("highway=residential;width=7", 3.0)]
    // width of a path is the path
    [InlineData("highway=footway;width=3.5", 3.5)]
    [InlineData("highway=footway;width=3,5", 3.5)]
    [InlineData("highway=footway;width=2.5 m", 2.5)]
    [InlineData("highway=footway;width=150 cm", 1.5)]
    [InlineData("highway=path;est_width=1.2", 1.2)]
    [InlineData("highway=footway;footway=sidewalk", 1.8)]
    [InlineData("highway=footway;width=0", 2.0)]
    [InlineData("highway=footway;width=wide", 2.0)]
    [InlineData("highway=footway;width=500", 2.0)]
    public void Pavement_width_comes_from_tags_else_the_type_default(string tags, double metres) =>
        Assert.Equal(metres, Interpret(tags).PavementWidthMetres, 3);

    [Theory]
    [InlineData("30", 30.0)]
    [InlineData("50", 50.0)]
    [InlineData("30 mph", 48.28)]
    [InlineData("20 knots", 37.04)]
    [InlineData("60 km/h", 60.0)]
    [InlineData("NL:urban", 50.0)]
    [InlineData("NL:rural", 80.0)]
    [InlineData("NL:zone30", 30.0)]
    [InlineData("DE:zone:30", 30.0)]
    [InlineData("NL:living_street", 15.0)]
    [InlineData("walk", 15.0)]
    public void Maxspeed_forms_are_read(string value, double kmh) =>
        Assert.Equal(kmh, OsmTagInterpretation.ParseMaxSpeedKmh(value)!.Value, 2);

    [Theory]
    [InlineData("none")]
    [InlineData("signals")]
    [InlineData("variable")]
    [InlineData("")]
    [InlineData("0")]
    public void Unreadable_maxspeed_gives_no_value(string value) => Assert.Null(OsmTagInterpretation.ParseMaxSpeedKmh(value));

    [Theory]
    [InlineData("highway=residential", 30.0, 500.0)]
    [InlineData("highway=residential;maxspeed=50", 50.0, 500.0)]
    [InlineData("highway=tertiary", 50.0, 3000.0)]
    [InlineData("highway=secondary", 50.0, 8000.0)]
    [InlineData("highway=primary;maxspeed=NL:urban", 50.0, 15000.0)]
    [InlineData("highway=living_street", 15.0, 100.0)]
    [InlineData("highway=footway;maxspeed=30", 0.0, 0.0)]
    [InlineData("highway=residential;motor_vehicle=no", 0.0, 0.0)]
    [InlineData("highway=residential;maxspeed=signals", 30.0, 500.0)]
    public void Car_speed_and_traffic_apply_only_where_cars_go(string tags, double kmh, double vehiclesPerDay)
    {
        SegmentAttributes a = Interpret(tags);
        Assert.Equal(kmh, a.SpeedLimitKmh, 2);
        Assert.Equal(vehiclesPerDay, a.CarVehiclesPerDay, 2);
    }

    [Theory]
    [InlineData("", Lighting.Unknown)]
    [InlineData(";lit=yes", Lighting.Lit)]
    [InlineData(";lit=24/7", Lighting.Lit)]
    [InlineData(";lit=automatic", Lighting.Lit)]
    [InlineData(";lit=no", Lighting.Unlit)]
    [InlineData(";lit=maybe", Lighting.Unknown)]
    public void Lighting_comes_from_lit(string extra, Lighting expected) =>
        Assert.Equal(expected, Interpret("highway=footway" + extra).Lighting);

    [Theory]
    [InlineData("", SurfaceQuality.Good)]
    [InlineData(";surface=asphalt", SurfaceQuality.Good)]
    [InlineData(";surface=paving_stones", SurfaceQuality.Good)]
    [InlineData(";surface=sett", SurfaceQuality.Uneven)]
    [InlineData(";surface=cobblestone", SurfaceQuality.Uneven)]
    [InlineData(";surface=unhewn_cobblestone", SurfaceQuality.Uneven)]
    [InlineData(";surface=unpaved", SurfaceQuality.Poor)]
    [InlineData(";surface=gravel", SurfaceQuality.Poor)]
    [InlineData(";surface=grass", SurfaceQuality.Poor)]
    [InlineData(";surface=dirt", SurfaceQuality.Poor)]
    [InlineData(";surface=sand", SurfaceQuality.Poor)]
    [InlineData(";surface=asphalt;smoothness=good", SurfaceQuality.Good)]
    [InlineData(";surface=asphalt;smoothness=intermediate", SurfaceQuality.Good)]
    [InlineData(";surface=asphalt;smoothness=bad", SurfaceQuality.Poor)]
    [InlineData(";surface=paving_stones;smoothness=very_bad", SurfaceQuality.Poor)]
    [InlineData(";surface=sett;smoothness=horrible", SurfaceQuality.Poor)]
    public void Surface_quality_takes_the_worse_of_surface_and_smoothness(string extra, SurfaceQuality expected) =>
        Assert.Equal(expected, Interpret("highway=path" + extra).Surface);

    [Fact]
    public void Name_and_kind_are_kept_and_frontage_is_left_unknown()
    {
        SegmentAttributes a = Interpret("highway=living_street;name=Poortlandplein");
        Assert.Equal("Poortlandplein", a.Name);
        Assert.Equal(HighwayKind.LivingStreet, a.Highway);
        Assert.Equal(Frontage.Unknown, a.Frontage);
    }

    [Fact]
    public void Every_highway_kind_for_people_has_a_default_row()
    {
        foreach (HighwayKind kind in Enum.GetValues<HighwayKind>())
        {
            var defaults = OsmTagInterpretation.DefaultsFor(kind);
            if (kind is HighwayKind.Motorway or HighwayKind.Trunk or HighwayKind.Other)
            {
                Assert.Null(defaults);
                continue;
            }
            Assert.NotNull(defaults);
            Assert.True(defaults.Value.PavementWidthMetres > 0, $"{kind} has no walking width");
            Assert.Equal(kind, OsmTagInterpretation.ParseHighway(OsmTagInterpretation.ToOsmValue(kind)));
        }
    }
}
