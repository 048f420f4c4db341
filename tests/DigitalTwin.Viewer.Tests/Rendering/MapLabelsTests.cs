using DigitalTwin.Viewer.Maps;
using DigitalTwin.Viewer.Rendering;

namespace DigitalTwin.Viewer.Tests.Rendering;

public sealed class MapLabelsTests
{
    [Fact]
    public void Named_streets_get_their_names_where_they_fit_and_labels_never_overlap()
    {
        var scene = new MapScene(SyntheticRuns.ThreePaths());
        var layout = new MapLayout(800, 600);
        var camera = Fitted(scene, layout);

        var labels = MapLabels.Build(new MarkerMesh(), scene.Geometry, camera, layout);

        // Three 200 m paths fitted into 780 pixels: each name fits along its path.
        Assert.Equal(3, labels.Count);
        for (int i = 0; i < labels.Count; i++)
        {
            Assert.True(labels[i].Y >= layout.TitleBandHeight && labels[i].Y + labels[i].Height <= layout.Height - layout.LegendBandHeight, "labels stay between the bands");
            for (int j = i + 1; j < labels.Count; j++)
            {
                Assert.False(labels[i].X < labels[j].X + labels[j].Width && labels[j].X < labels[i].X + labels[i].Width
                    && labels[i].Y < labels[j].Y + labels[j].Height && labels[j].Y < labels[i].Y + labels[i].Height, $"{labels[i]} overlaps {labels[j]}");
            }
        }
    }

    [Fact]
    public void Zoomed_out_until_a_name_is_longer_than_its_street_the_name_is_left_out()
    {
        var scene = new MapScene(SyntheticRuns.ThreePaths());
        var layout = new MapLayout(800, 600);
        var camera = Fitted(scene, layout);
        // 200 m at 0.3 px/m is 60 pixels: "Quiet Path" at 6 pixels a character needs more.
        camera.PixelsPerMetre = 0.3;

        Assert.Empty(MapLabels.Build(new MarkerMesh(), scene.Geometry, camera, layout));
    }

    [Fact]
    public void Place_kinds_read_as_words()
    {
        Assert.Equal("transit stop", MapLabels.KindWords(Engine.Places.PlaceKind.TransitStop));
        Assert.Equal("cafe", MapLabels.KindWords(Engine.Places.PlaceKind.Cafe));
    }

    private static MapCamera Fitted(MapScene scene, MapLayout layout)
    {
        var camera = new MapCamera();
        var area = layout.MapArea;
        camera.Fit(scene.Geometry.Bounds, (area.X, area.Y, area.Width, area.Height), layout.Width, layout.Height);
        return camera;
    }
}
