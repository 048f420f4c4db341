using DigitalTwin.Viewer.Maps;
using Silk.NET.OpenGL;

namespace DigitalTwin.Viewer.Rendering;

/// <summary>
/// Draws a <see cref="MapScene"/> with OpenGL 3.3 core into whatever framebuffer is bound: a window's or the
/// offscreen one. It does not know where its context came from (EGL or GLFW).
/// </summary>
public sealed unsafe class MapRenderer : IDisposable
{
    /// <summary>Narrowest street in pixels at scale 1, so that footpaths stay visible when the whole town is on screen.</summary>
    public const float MinimumStreetWidthPixels = 1.5f;

    /// <summary>The carriageway is drawn only from this width in pixels (at scale 1): thinner, it is noise, not information.</summary>
    public const float CarriagewayFromPixels = 3f;

    /// <summary>
    /// Homes are drawn from this zoom on (pixels per metre). Zoomed further out, a city's homes (450,000 in a
    /// 100,000-street grid) merge into a grey haze that says nothing and costs most of the frame on llvmpipe.
    /// At 0.3 px/m a 30 m block is 9 pixels: neighbouring homes can still be told apart.
    /// </summary>
    public const double HomesFromPixelsPerMetre = 0.3;

    /// <summary>
    /// Places are drawn from this zoom on. Below it, places 100 m apart (a main street's benches and shops) are closer
    /// than their own symbols: a carpet of overlapping discs that hides the streets and costs most of a city's frame.
    /// </summary>
    public const double PlacesFromPixelsPerMetre = 0.1;

    /// <summary>The widest street drawn, in metres (a motorway's carriageway and wide pavements): a culling margin.</summary>
    private const double WidestStreetMetres = 40;

    public static Rgba CarriagewayColour { get; } = new(48, 51, 58);

    private readonly GL _gl;
    private readonly MapScene _scene;
    private readonly uint _streetProgram;
    private readonly uint _markerProgram;
    private readonly uint _streetArray;
    private readonly uint _streetVertices;
    private readonly uint _streetColours;
    private readonly uint _streetIndices;
    private readonly MarkerBuffer _background;
    private readonly MarkerBuffer _homes;
    private readonly MarkerBuffer _places;
    private readonly MarkerBuffer _dynamic;
    private readonly MarkerBuffer _overlay;
    private int _uploadedVersion = -1;
    private int[] _streetTileStart = new int[TileGrid.Count + 1];
    private uint _coarseArray;
    private uint _coarseVertices;
    private uint _coarseColours;
    private uint _coarseIndices;
    private int[] _coarseTileStart = new int[TileGrid.Count + 1];
    private int _coarseUploadedVersion = -1;
    private readonly List<(int First, int Count)> _ranges = [];
    private readonly OverviewLevels? _overview;
    private readonly uint _overviewProgram;
    private readonly Action<MapCamera, int> _drawOverviewGround;
    private bool _disposed;

    /// <param name="gl">The context to draw with.</param>
    /// <param name="scene">What to draw.</param>
    /// <param name="cacheOverview">
    /// Keep the zoomed-out city's ground as pictures per zoom level (<see cref="OverviewLevels"/>): for a window, drawing
    /// frame after frame; not for a single picture, which would pay for a level and get it shrunk.
    /// </param>
    public MapRenderer(GL gl, MapScene scene, bool cacheOverview = false)
    {
        ArgumentNullException.ThrowIfNull(gl);
        ArgumentNullException.ThrowIfNull(scene);
        _gl = gl;
        _scene = scene;
        _streetProgram = Link(Shaders.StreetVertex, Shaders.StreetFragment);
        _markerProgram = Link(Shaders.MarkerVertex, Shaders.MarkerFragment);

        (_streetArray, _streetVertices, _streetColours, _streetIndices) = CreateStreetArray(scene.Geometry.StreetVertices);

        _background = new MarkerBuffer(gl);
        _background.Upload(scene.Geometry.Background.Vertices, BufferUsageARB.StaticDraw);
        _homes = new MarkerBuffer(gl);
        _homes.Upload(scene.Geometry.Homes.Vertices, BufferUsageARB.StaticDraw);
        _places = new MarkerBuffer(gl);
        _dynamic = new MarkerBuffer(gl);
        _overlay = new MarkerBuffer(gl);
        _drawOverviewGround = (camera, scale) => DrawGround(camera, scale, coarse: true);
        if (cacheOverview)
        {
            _overviewProgram = Link(Shaders.OverviewVertex, Shaders.OverviewFragment);
            _overview = new OverviewLevels(gl, scene.Geometry.Bounds, WidestStreetMetres, _overviewProgram);
        }
    }

    /// <summary>A vertex array for street pieces: static positions and widths, colours and indices uploaded with the colours.</summary>
    private (uint Array, uint Vertices, uint Colours, uint Indices) CreateStreetArray(float[] vertices)
    {
        var gl = _gl;
        uint array = gl.GenVertexArray();
        gl.BindVertexArray(array);
        uint vertexBuffer = gl.GenBuffer();
        gl.BindBuffer(BufferTargetARB.ArrayBuffer, vertexBuffer);
        gl.BufferData<float>(BufferTargetARB.ArrayBuffer, vertices, BufferUsageARB.StaticDraw);
        uint stride = MapGeometry.StreetVertexFloats * sizeof(float);
        gl.VertexAttribPointer(0, 4, VertexAttribPointerType.Float, false, stride, (void*)0);
        gl.EnableVertexAttribArray(0);
        gl.VertexAttribPointer(1, 2, VertexAttribPointerType.Float, false, stride, (void*)(4 * sizeof(float)));
        gl.EnableVertexAttribArray(1);
        gl.VertexAttribPointer(2, 2, VertexAttribPointerType.Float, false, stride, (void*)(6 * sizeof(float)));
        gl.EnableVertexAttribArray(2);
        uint colours = gl.GenBuffer();
        gl.BindBuffer(BufferTargetARB.ArrayBuffer, colours);
        gl.VertexAttribPointer(3, 4, VertexAttribPointerType.UnsignedByte, true, 4, (void*)0);
        gl.EnableVertexAttribArray(3);
        uint indices = gl.GenBuffer();
        gl.BindBuffer(BufferTargetARB.ElementArrayBuffer, indices);
        gl.BindVertexArray(0);
        return (array, vertexBuffer, colours, indices);
    }

    /// <summary>Draws the map, then world-anchored dots (replay, selection), then the screen overlay (text, legend).</summary>
    public void Draw(MapCamera camera, MapLayout layout, MarkerMesh overlay, MarkerMesh? dots = null)
    {
        ArgumentNullException.ThrowIfNull(camera);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(overlay);
        if (_uploadedVersion != _scene.Version)
        {
            UploadColours();
        }
        var gl = _gl;
        gl.Viewport(0, 0, (uint)camera.WidthPixels, (uint)camera.HeightPixels);
        var background = MapAnnotations.Background;
        gl.ClearColor(background.R / 255f, background.G / 255f, background.B / 255f, 1f);
        gl.Clear(ClearBufferMask.ColorBufferBit);
        gl.Enable(EnableCap.Blend);
        // Alpha stays 1 where it was (the picture is opaque); colours blend by the source's alpha.
        gl.BlendFuncSeparate(BlendingFactor.SrcAlpha, BlendingFactor.OneMinusSrcAlpha, BlendingFactor.One, BlendingFactor.OneMinusSrcAlpha);
        if (_overview is not null && _overview.Serves(camera))
        {
            _overview.Draw(camera, layout.Scale, _scene.Version, _drawOverviewGround);
        }
        else
        {
            DrawGround(camera, layout.Scale, camera.PixelsPerMetre < CoarseStreets.BelowPixelsPerMetre);
        }

        var (sx, sy, ox, oy) = camera.Transform();
        var geometry = _scene.Geometry;
        double metresPerPixel = 1 / camera.PixelsPerMetre;
        if (camera.PixelsPerMetre >= PlacesFromPixelsPerMetre)
        {
            VisibleRanges(geometry, geometry.PlaceTileStart, camera, (MapGeometry.PlaceRadiusPixels + 2) * layout.Scale * metresPerPixel);
            DrawMarkers(_places, sx, sy, ox, oy, camera, layout.Scale, _ranges);
        }
        if (dots is not null && dots.Count > 0)
        {
            _dynamic.Upload(dots.Vertices, BufferUsageARB.StreamDraw);
            DrawMarkers(_dynamic, sx, sy, ox, oy, camera, layout.Scale);
        }
        _overlay.Upload(overlay.Vertices, BufferUsageARB.StreamDraw);
        DrawMarkers(_overlay, 0, 0, 0, 0, camera, 1);
    }

    /// <summary>
    /// The ground of the map: background areas, homes (zoomed in) and the streets, in full or merged
    /// (<paramref name="coarse"/>), into the bound framebuffer with the camera's viewport already set.
    /// </summary>
    private void DrawGround(MapCamera camera, int scale, bool coarse)
    {
        var gl = _gl;
        var (sx, sy, ox, oy) = camera.Transform();
        DrawMarkers(_background, sx, sy, ox, oy, camera, 1);

        var geometry = _scene.Geometry;
        double metresPerPixel = 1 / camera.PixelsPerMetre;
        if (camera.PixelsPerMetre >= HomesFromPixelsPerMetre)
        {
            VisibleRanges(geometry, geometry.HomeTileStart, camera, MapGeometry.HomeSizePixels * scale * metresPerPixel);
            DrawMarkers(_homes, sx, sy, ox, oy, camera, scale, _ranges);
        }

        gl.UseProgram(_streetProgram);
        gl.Uniform2(Location(_streetProgram, "u_scale"), sx, sy);
        gl.Uniform2(Location(_streetProgram, "u_offset"), ox, oy);
        gl.Uniform2(Location(_streetProgram, "u_viewport"), (float)camera.WidthPixels, camera.HeightPixels);
        if (coarse && _coarseUploadedVersion != _scene.Version)
        {
            UploadCoarseColours();
        }
        gl.BindVertexArray(coarse ? _coarseArray : _streetArray);
        // Streets reach from their tile by their own length and width, and at least the minimum width in pixels.
        double reach = coarse ? geometry.Coarse.LongestReachMetres : geometry.LongestSegmentReachMetres;
        VisibleRanges(geometry, coarse ? _coarseTileStart : _streetTileStart, camera, reach + WidestStreetMetres + (MinimumStreetWidthPixels * scale * metresPerPixel));
        // Pass 1: the whole street (carriageway and pavements) in the heat colour.
        gl.Uniform1(Location(_streetProgram, "u_carriageway"), 0);
        gl.Uniform1(Location(_streetProgram, "u_minWidthPixels"), MinimumStreetWidthPixels * scale);
        gl.Uniform1(Location(_streetProgram, "u_hideBelowPixels"), 0f);
        gl.Uniform1(Location(_streetProgram, "u_useFlat"), 0);
        DrawStreetRanges();
        // Pass 2: the carriageway over it in grey, leaving the pavements coloured where people walk. Skipped when even
        // the widest carriageway would be thinner than the shader draws: every piece would be a zero-width quad.
        if (StreetWidths.CarriagewayMetres(Engine.Network.HighwayKind.Motorway) * camera.PixelsPerMetre >= CarriagewayFromPixels * scale)
        {
            gl.Uniform1(Location(_streetProgram, "u_carriageway"), 1);
            gl.Uniform1(Location(_streetProgram, "u_minWidthPixels"), 0f);
            gl.Uniform1(Location(_streetProgram, "u_hideBelowPixels"), CarriagewayFromPixels * scale);
            gl.Uniform1(Location(_streetProgram, "u_useFlat"), 1);
            var c = CarriagewayColour;
            gl.Uniform4(Location(_streetProgram, "u_flatColour"), c.R / 255f, c.G / 255f, c.B / 255f, 1f);
            DrawStreetRanges();
        }
        gl.BindVertexArray(0);
    }

    /// <summary>Reads the bound framebuffer back as an image with its first row at the top (GL's is at the bottom).</summary>
    public RgbaImage ReadPixels(int width, int height)
    {
        var bottomUp = new byte[width * height * 4];
        _gl.PixelStore(PixelStoreParameter.PackAlignment, 1);
        fixed (byte* p = bottomUp)
        {
            _gl.ReadPixels(0, 0, (uint)width, (uint)height, PixelFormat.Rgba, PixelType.UnsignedByte, p);
        }
        // The picture is opaque whatever the framebuffer kept in its alpha channel (a window's may have none).
        for (int i = 3; i < bottomUp.Length; i += 4)
        {
            bottomUp[i] = 255;
        }
        return RgbaImage.FromBottomUp(width, height, bottomUp);
    }

    /// <summary>The on-screen part of a layer stored tile by tile, as merged (first, count) ranges in <see cref="_ranges"/>.</summary>
    private void VisibleRanges(MapGeometry geometry, int[] tileStart, MapCamera camera, double marginMetres)
    {
        _ranges.Clear();
        var (firstRow, lastRow, firstColumn, lastColumn) = geometry.Tiles.VisibleRows(camera, marginMetres);
        for (int row = firstRow; row <= lastRow; row++)
        {
            int first = tileStart[(row * TileGrid.Side) + firstColumn];
            int end = tileStart[(row * TileGrid.Side) + lastColumn + 1];
            if (end <= first)
            {
                continue;
            }
            if (_ranges.Count > 0 && _ranges[^1].First + _ranges[^1].Count == first)
            {
                _ranges[^1] = (_ranges[^1].First, end - _ranges[^1].First);
            }
            else
            {
                _ranges.Add((first, end - first));
            }
        }
    }

    /// <summary>
    /// The merged streets' colours and indices: each merged piece in the colour of its busiest segment, pieces ordered
    /// quiet first by that segment (then tile by tile, as the full streets).
    /// </summary>
    private void UploadCoarseColours()
    {
        var geometry = _scene.Geometry;
        var coarse = geometry.Coarse;
        if (_coarseArray == 0)
        {
            (_coarseArray, _coarseVertices, _coarseColours, _coarseIndices) = CreateStreetArray(coarse.Vertices);
        }
        var drawOrder = _scene.DrawOrder;
        var rank = new int[drawOrder.Length];
        for (int r = 0; r < drawOrder.Length; r++)
        {
            rank[drawOrder[r]] = r;
        }
        var busiest = new int[coarse.RunCount];
        for (int run = 0; run < coarse.RunCount; run++)
        {
            int best = coarse.RunSegments[coarse.RunStart[run]];
            for (int k = coarse.RunStart[run] + 1; k < coarse.RunStart[run + 1]; k++)
            {
                if (rank[coarse.RunSegments[k]] > rank[best])
                {
                    best = coarse.RunSegments[k];
                }
            }
            busiest[run] = best;
        }
        var runs = new int[coarse.RunCount];
        for (int run = 0; run < runs.Length; run++)
        {
            runs[run] = run;
        }
        Array.Sort(runs, (a, b) => rank[busiest[a]].CompareTo(rank[busiest[b]]));
        var tileOfPosition = new int[runs.Length];
        for (int position = 0; position < runs.Length; position++)
        {
            tileOfPosition[position] = coarse.RunTile[runs[position]];
        }
        var (byTile, tileStart) = geometry.Tiles.Sort(tileOfPosition);
        var colours = new Rgba[coarse.RunCount * MapGeometry.VerticesPerPiece];
        var indices = new uint[coarse.RunCount * MapGeometry.IndicesPerPiece];
        for (int run = 0; run < coarse.RunCount; run++)
        {
            colours.AsSpan(run * MapGeometry.VerticesPerPiece, MapGeometry.VerticesPerPiece).Fill(_scene.SegmentColours[busiest[run]]);
        }
        int i = 0;
        foreach (int position in byTile)
        {
            uint v = (uint)(runs[position] * MapGeometry.VerticesPerPiece);
            indices[i++] = v;
            indices[i++] = v + 1;
            indices[i++] = v + 2;
            indices[i++] = v;
            indices[i++] = v + 2;
            indices[i++] = v + 3;
        }
        _coarseTileStart = [.. tileStart.Select(start => start * MapGeometry.IndicesPerPiece)];
        _gl.BindVertexArray(_coarseArray);
        _gl.BindBuffer(BufferTargetARB.ArrayBuffer, _coarseColours);
        _gl.BufferData<Rgba>(BufferTargetARB.ArrayBuffer, colours, BufferUsageARB.DynamicDraw);
        _gl.BufferData<uint>(BufferTargetARB.ElementArrayBuffer, indices, BufferUsageARB.DynamicDraw);
        _gl.BindVertexArray(0);
        _coarseUploadedVersion = _scene.Version;
    }

    private void DrawStreetRanges()
    {
        foreach (var (first, count) in _ranges)
        {
            _gl.DrawElements(PrimitiveType.Triangles, (uint)count, DrawElementsType.UnsignedInt, (void*)(first * sizeof(uint)));
        }
    }

    /// <summary>
    /// Uploads the street colours and the index buffer, tile by tile and within a tile quiet streets first, so that
    /// where streets overlap at a junction the busier one shows (across a tile border the order is the tiles').
    /// </summary>
    private void UploadColours()
    {
        var geometry = _scene.Geometry;
        var colours = new Rgba[geometry.PieceCount * MapGeometry.VerticesPerPiece];
        var indices = new uint[geometry.PieceCount * MapGeometry.IndicesPerPiece];
        var drawOrder = _scene.DrawOrder;
        var tileOfRank = new int[drawOrder.Length];
        for (int rank = 0; rank < drawOrder.Length; rank++)
        {
            tileOfRank[rank] = geometry.SegmentTile[drawOrder[rank]];
        }
        var (byTile, tileStart) = geometry.Tiles.Sort(tileOfRank);
        var streetTileStart = new int[TileGrid.Count + 1];
        int tile = 0;
        int i = 0;
        for (int position = 0; position < byTile.Length; position++)
        {
            while (tile < TileGrid.Count && tileStart[tile + 1] <= position)
            {
                streetTileStart[++tile] = i;
            }
            int s = drawOrder[byTile[position]];
            Rgba colour = _scene.SegmentColours[s];
            for (int piece = geometry.SegmentFirstPiece[s]; piece < geometry.SegmentFirstPiece[s + 1]; piece++)
            {
                uint v = (uint)(piece * MapGeometry.VerticesPerPiece);
                colours.AsSpan((int)v, MapGeometry.VerticesPerPiece).Fill(colour);
                indices[i++] = v;
                indices[i++] = v + 1;
                indices[i++] = v + 2;
                indices[i++] = v;
                indices[i++] = v + 2;
                indices[i++] = v + 3;
            }
        }
        while (tile < TileGrid.Count)
        {
            streetTileStart[++tile] = i;
        }
        _streetTileStart = streetTileStart;
        _gl.BindVertexArray(_streetArray);
        _gl.BindBuffer(BufferTargetARB.ArrayBuffer, _streetColours);
        _gl.BufferData<Rgba>(BufferTargetARB.ArrayBuffer, colours, BufferUsageARB.DynamicDraw);
        _gl.BufferData<uint>(BufferTargetARB.ElementArrayBuffer, indices, BufferUsageARB.DynamicDraw);
        _gl.BindVertexArray(0);
        geometry.BuildPlaces(_scene.PlaceColours);
        _places.Upload(geometry.Places.Vertices, BufferUsageARB.DynamicDraw);
        _uploadedVersion = _scene.Version;
    }

    private void DrawMarkers(MarkerBuffer buffer, float sx, float sy, float ox, float oy, MapCamera camera, float symbolScale, List<(int First, int Count)>? ranges = null)
    {
        if (buffer.Count == 0)
        {
            return;
        }
        _gl.UseProgram(_markerProgram);
        _gl.Uniform2(Location(_markerProgram, "u_scale"), sx, sy);
        _gl.Uniform2(Location(_markerProgram, "u_offset"), ox, oy);
        _gl.Uniform2(Location(_markerProgram, "u_viewport"), (float)camera.WidthPixels, camera.HeightPixels);
        _gl.Uniform1(Location(_markerProgram, "u_symbolScale"), symbolScale);
        _gl.BindVertexArray(buffer.Array);
        if (ranges is null)
        {
            _gl.DrawArrays(PrimitiveType.Triangles, 0, (uint)buffer.Count);
        }
        else
        {
            foreach (var (first, count) in ranges)
            {
                _gl.DrawArrays(PrimitiveType.Triangles, first, (uint)count);
            }
        }
        _gl.BindVertexArray(0);
    }

    private int Location(uint program, string name) => _gl.GetUniformLocation(program, name);

    private uint Link(string vertexSource, string fragmentSource)
    {
        uint vertex = Compile(ShaderType.VertexShader, vertexSource);
        uint fragment = Compile(ShaderType.FragmentShader, fragmentSource);
        uint program = _gl.CreateProgram();
        _gl.AttachShader(program, vertex);
        _gl.AttachShader(program, fragment);
        _gl.LinkProgram(program);
        _gl.GetProgram(program, ProgramPropertyARB.LinkStatus, out int linked);
        _gl.DeleteShader(vertex);
        _gl.DeleteShader(fragment);
        if (linked == 0)
        {
            throw new InvalidOperationException("shader program did not link: " + _gl.GetProgramInfoLog(program));
        }
        return program;
    }

    private uint Compile(ShaderType type, string source)
    {
        uint shader = _gl.CreateShader(type);
        _gl.ShaderSource(shader, source);
        _gl.CompileShader(shader);
        _gl.GetShader(shader, ShaderParameterName.CompileStatus, out int compiled);
        if (compiled == 0)
        {
            throw new InvalidOperationException($"{type} did not compile: " + _gl.GetShaderInfoLog(shader));
        }
        return shader;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _gl.DeleteBuffer(_streetVertices);
        _gl.DeleteBuffer(_streetColours);
        _gl.DeleteBuffer(_streetIndices);
        _gl.DeleteVertexArray(_streetArray);
        if (_coarseArray != 0)
        {
            _gl.DeleteBuffer(_coarseVertices);
            _gl.DeleteBuffer(_coarseColours);
            _gl.DeleteBuffer(_coarseIndices);
            _gl.DeleteVertexArray(_coarseArray);
        }
        _background.Dispose();
        _homes.Dispose();
        _places.Dispose();
        _dynamic.Dispose();
        _overlay.Dispose();
        if (_overview is not null)
        {
            _overview.Dispose();
            _gl.DeleteProgram(_overviewProgram);
        }
        _gl.DeleteProgram(_streetProgram);
        _gl.DeleteProgram(_markerProgram);
    }

    /// <summary>A vertex array and buffer of marker vertices.</summary>
    private sealed class MarkerBuffer : IDisposable
    {
        private readonly GL _gl;

        public MarkerBuffer(GL gl)
        {
            _gl = gl;
            Array = gl.GenVertexArray();
            Buffer = gl.GenBuffer();
            gl.BindVertexArray(Array);
            gl.BindBuffer(BufferTargetARB.ArrayBuffer, Buffer);
            uint stride = MarkerVertex.SizeBytes;
            gl.VertexAttribPointer(0, 2, VertexAttribPointerType.Float, false, stride, (void*)0);
            gl.EnableVertexAttribArray(0);
            gl.VertexAttribPointer(1, 2, VertexAttribPointerType.Float, false, stride, (void*)(2 * sizeof(float)));
            gl.EnableVertexAttribArray(1);
            gl.VertexAttribPointer(2, 4, VertexAttribPointerType.UnsignedByte, true, stride, (void*)(4 * sizeof(float)));
            gl.EnableVertexAttribArray(2);
            gl.BindVertexArray(0);
        }

        public uint Array { get; }

        public uint Buffer { get; }

        public int Count { get; private set; }

        public void Upload(ReadOnlySpan<MarkerVertex> vertices, BufferUsageARB usage)
        {
            _gl.BindBuffer(BufferTargetARB.ArrayBuffer, Buffer);
            _gl.BufferData(BufferTargetARB.ArrayBuffer, vertices, usage);
            Count = vertices.Length;
        }

        public void Dispose()
        {
            _gl.DeleteBuffer(Buffer);
            _gl.DeleteVertexArray(Array);
        }
    }
}
