using DigitalTwin.Viewer.Rendering;

namespace DigitalTwin.Viewer.Tests.Rendering;

public sealed class PolygonTriangulationTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_concave_ring_in_either_winding_is_covered_exactly_by_its_triangles(bool clockwise)
    {
        // An L-shaped building: 3 x 1 plus 1 x 2 = area 5 m2; the notch must stay empty.
        float[] x = [0, 3, 3, 1, 1, 0];
        float[] y = [0, 0, 1, 1, 3, 3];
        if (clockwise)
        {
            Array.Reverse(x);
            Array.Reverse(y);
        }
        var triangles = new List<int>();

        PolygonTriangulation.Triangulate(x, y, triangles);

        Assert.Equal(3 * (x.Length - 2), triangles.Count);
        double area = 0;
        for (int t = 0; t < triangles.Count; t += 3)
        {
            int a = triangles[t], b = triangles[t + 1], c = triangles[t + 2];
            double signed = (((x[b] - x[a]) * (y[c] - y[a])) - ((y[b] - y[a]) * (x[c] - x[a]))) / 2;
            Assert.True(signed > 0, "every triangle turns left (none folds over)");
            area += signed;
            // No triangle covers the notch at (2, 2).
            Assert.False(Inside(2, 2, x[a], y[a], x[b], y[b], x[c], y[c]));
        }
        Assert.Equal(5, area, 6);
    }

    private static bool Inside(double px, double py, double ax, double ay, double bx, double by, double cx, double cy)
    {
        double d1 = ((bx - ax) * (py - ay)) - ((by - ay) * (px - ax));
        double d2 = ((cx - bx) * (py - by)) - ((cy - by) * (px - bx));
        double d3 = ((ax - cx) * (py - cy)) - ((ay - cy) * (px - cx));
        return d1 > 0 && d2 > 0 && d3 > 0;
    }
}
