namespace DigitalTwin.Viewer.Rendering;

/// <summary>
/// Ear clipping for the map's background polygons (building footprints, water, green): simple rings without holes,
/// as closed OSM ways are. A ring that is not simple (a mapping error that crosses itself) has no ear at some point;
/// the rest of it is then drawn as a fan, which is wrong only inside the broken ring.
/// </summary>
public static class PolygonTriangulation
{
    /// <summary>Appends the triangles of the ring (points <paramref name="x"/>, <paramref name="y"/>, not closed) as index triples into <paramref name="triangles"/>.</summary>
    public static void Triangulate(ReadOnlySpan<float> x, ReadOnlySpan<float> y, List<int> triangles)
    {
        ArgumentNullException.ThrowIfNull(triangles);
        int n = x.Length;
        if (n < 3 || y.Length != n)
        {
            return;
        }
        // Walk the ring counter-clockwise, so that an ear is a left turn whatever way the file wound it.
        double area = 0;
        for (int i = 0, j = n - 1; i < n; j = i++)
        {
            area += ((double)x[j] * y[i]) - ((double)x[i] * y[j]);
        }
        var ring = new List<int>(n);
        for (int i = 0; i < n; i++)
        {
            ring.Add(area >= 0 ? i : n - 1 - i);
        }
        int misses = 0;
        int at = 0;
        while (ring.Count > 3)
        {
            int count = ring.Count;
            int a = ring[(at + count - 1) % count], b = ring[at % count], c = ring[(at + 1) % count];
            if (IsEar(x, y, ring, a, b, c))
            {
                triangles.Add(a);
                triangles.Add(b);
                triangles.Add(c);
                ring.RemoveAt(at % count);
                misses = 0;
                continue;
            }
            at = (at + 1) % count;
            if (++misses > count)
            {
                break;
            }
        }
        // Three left (done), or a ring that crosses itself: a fan over what is left.
        for (int i = 1; i + 1 < ring.Count; i++)
        {
            triangles.Add(ring[0]);
            triangles.Add(ring[i]);
            triangles.Add(ring[i + 1]);
        }
    }

    private static bool IsEar(ReadOnlySpan<float> x, ReadOnlySpan<float> y, List<int> ring, int a, int b, int c)
    {
        double cross = ((x[b] - (double)x[a]) * (y[c] - (double)y[a])) - ((y[b] - (double)y[a]) * (x[c] - (double)x[a]));
        if (cross <= 0)
        {
            return false;
        }
        foreach (int p in ring)
        {
            if (p != a && p != b && p != c && Inside(x[p], y[p], x[a], y[a], x[b], y[b], x[c], y[c]))
            {
                return false;
            }
        }
        return true;
    }

    private static bool Inside(double px, double py, double ax, double ay, double bx, double by, double cx, double cy)
    {
        double d1 = ((bx - ax) * (py - ay)) - ((by - ay) * (px - ax));
        double d2 = ((cx - bx) * (py - by)) - ((cy - by) * (px - bx));
        double d3 = ((ax - cx) * (py - cy)) - ((ay - cy) * (px - cx));
        return d1 >= 0 && d2 >= 0 && d3 >= 0;
    }
}
