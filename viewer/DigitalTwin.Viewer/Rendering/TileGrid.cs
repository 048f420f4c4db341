namespace DigitalTwin.Viewer.Rendering;

/// <summary>
/// Level of detail by position: the map's bounds cut into <see cref="Side"/> x <see cref="Side"/> tiles, and each
/// layer's items (street pieces, homes, places) stored tile by tile, row-major, so that the tiles on screen are a few
/// contiguous ranges of one buffer: a zoomed-in view of a city draws a district's worth, not the city's.
/// </summary>
/// <remarks>
/// An item belongs to the tile of its anchor (a segment's first point, a symbol's position); what reaches beyond its
/// tile (a long segment, a symbol's pixels) is covered by the margin the caller gives <see cref="VisibleRows"/>.
/// </remarks>
public sealed class TileGrid
{
    /// <summary>32 x 32: a 20 km city gets tiles of about 600 m, a 2 km neighbourhood tiles of 60 m.</summary>
    public const int Side = 32;

    public const int Count = Side * Side;

    private readonly Bounds _bounds;
    private readonly double _tileWidth;
    private readonly double _tileHeight;

    public TileGrid(Bounds bounds)
    {
        _bounds = bounds;
        _tileWidth = Math.Max(bounds.Width, 1) / Side;
        _tileHeight = Math.Max(bounds.Height, 1) / Side;
    }

    public int TileOf(double x, double y)
    {
        int column = Math.Clamp((int)((x - _bounds.MinX) / _tileWidth), 0, Side - 1);
        int row = Math.Clamp((int)((y - _bounds.MinY) / _tileHeight), 0, Side - 1);
        return (row * Side) + column;
    }

    /// <summary>
    /// Item order by tile (stable: items of one tile keep their order) and, per tile, where its items start in that
    /// order (<c>Count + 1</c> entries), by counting sort.
    /// </summary>
    public (int[] Order, int[] TileStart) Sort(ReadOnlySpan<int> tileOfItem)
    {
        var start = new int[Count + 1];
        foreach (int tile in tileOfItem)
        {
            start[tile + 1]++;
        }
        for (int t = 0; t < Count; t++)
        {
            start[t + 1] += start[t];
        }
        var next = start[..Count];
        var order = new int[tileOfItem.Length];
        for (int item = 0; item < tileOfItem.Length; item++)
        {
            order[next[tileOfItem[item]]++] = item;
        }
        return (order, start);
    }

    /// <summary>
    /// The tiles on screen, widened by a margin in metres, as one column range per visible row: each is a contiguous
    /// run of tiles in a layer stored tile by tile.
    /// </summary>
    public (int FirstRow, int LastRow, int FirstColumn, int LastColumn) VisibleRows(MapCamera camera, double marginMetres)
    {
        ArgumentNullException.ThrowIfNull(camera);
        var (left, top) = camera.PixelToWorld(0, 0);
        var (right, bottom) = camera.PixelToWorld(camera.WidthPixels, camera.HeightPixels);
        int firstColumn = (int)Math.Floor((left - marginMetres - _bounds.MinX) / _tileWidth);
        int lastColumn = (int)Math.Floor((right + marginMetres - _bounds.MinX) / _tileWidth);
        int firstRow = (int)Math.Floor((bottom - marginMetres - _bounds.MinY) / _tileHeight);
        int lastRow = (int)Math.Floor((top + marginMetres - _bounds.MinY) / _tileHeight);
        if (lastRow < 0 || firstRow >= Side || lastColumn < 0 || firstColumn >= Side)
        {
            return (1, 0, 1, 0);
        }
        // Items outside the bounds were clamped into the edge tiles: an edge tile is on screen when anything beyond it is.
        return (Math.Max(firstRow, 0), Math.Min(lastRow, Side - 1), Math.Max(firstColumn, 0), Math.Min(lastColumn, Side - 1));
    }
}
