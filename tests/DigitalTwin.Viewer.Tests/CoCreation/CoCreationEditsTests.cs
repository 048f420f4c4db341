using DigitalTwin.Engine.Interventions;
using DigitalTwin.Engine.Interventions.Types;
using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Scenarios;
using DigitalTwin.Viewer.CoCreation;

namespace DigitalTwin.Viewer.Tests.CoCreation;

public class CoCreationEditsTests
{
    private static readonly StreetByOsmWayIds Streets = new([11, 12]) { Origin = new SourceLocation("(viewer)", "$.edits[2].streets", 0) };

    [Theory]
    [InlineData('B', EditKind.Benches)]
    [InlineData('W', EditKind.WidenPavement)]
    [InlineData('C', EditKind.CarFree)]
    [InlineData('M', EditKind.MixedUse)]
    [InlineData('L', EditKind.Lighting)]
    public void Each_edit_key_stands_for_its_edit(char key, EditKind kind)
    {
        Assert.Equal(kind, CoCreationEdits.FromKey(key));
        Assert.Equal(key, CoCreationEdits.Letter(kind));
    }

    [Theory]
    [InlineData('U')]
    [InlineData('N')]
    [InlineData('P')]
    [InlineData(256)]
    public void Other_keys_are_no_edit(int key) => Assert.Null(CoCreationEdits.FromKey(key));

    [Fact]
    public void Benches_are_every_25_metres_along_the_selection()
    {
        var benches = Assert.IsType<AddBenches>(CoCreationEdits.Build(EditKind.Benches, Streets, 3, "on Long Street"));

        Assert.Same(Streets, benches.Streets);
        Assert.Equal(25, benches.SpacingMetres);
        Assert.Null(benches.AtPoints);
        Assert.Equal(AddBenches.DefaultSeatsPerBench, benches.SeatsPerBench);
        Assert.Equal("$.edits[2]", benches.Origin.Path);
        Assert.Equal("on Long Street", benches.Note);
    }

    [Fact]
    public void Widening_sets_the_pavements_to_3_metres()
    {
        var widen = Assert.IsType<WidenPavement>(CoCreationEdits.Build(EditKind.WidenPavement, Streets, 1));

        Assert.Equal(3, widen.WidthMetres);
        Assert.Null(widen.AddMetres);
    }

    [Fact]
    public void Car_free_keeps_bikes_mixed_use_adds_a_cafe_with_active_frontage_and_lighting_lights()
    {
        Assert.True(Assert.IsType<CarFree>(CoCreationEdits.Build(EditKind.CarFree, Streets, 1)).AllowBikes);
        var mixed = Assert.IsType<MixedUse>(CoCreationEdits.Build(EditKind.MixedUse, Streets, 1));
        Assert.True(mixed.ActiveFrontage);
        Assert.Equal(PlaceKind.Cafe, Assert.Single(mixed.Places).Kind);
        Assert.Null(Assert.IsType<StreetLighting>(CoCreationEdits.Build(EditKind.Lighting, Streets, 1)).Lux);
    }
}
