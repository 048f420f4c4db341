using Silk.NET.OpenGL;

namespace DigitalTwin.Viewer.Rendering;

/// <summary>
/// Level of detail for a city seen whole: below <see cref="CoarseStreets.BelowPixelsPerMetre"/> the ground (background
/// and merged streets) is drawn once per zoom level into a texture of the whole map, and a frame shows that texture
/// as one quad. Levels are <see cref="Step"/> apart in zoom; a view takes the nearest level at or above its zoom and
/// shrinks it (linear filtering) by at most that step, so a street drawn 3 pixels wide shows 2.1 to 3 pixels wide.
/// </summary>
/// <remarks>
/// Why: on a software renderer a zoomed-out city's frame is bound by its 25,000 merged street pieces (vertex work and
/// thin-quad rasterisation, about 40 ms on 2 cores), while one quad of the same picture costs a few milliseconds.
/// A level is drawn on the first frame that needs it (costing what a frame cost before) and kept until the colours
/// or the interface scale change; panning and replay at a kept zoom draw no street at all.
/// </remarks>
internal sealed unsafe class OverviewLevels : IDisposable
{
    /// <summary>Zoom ratio between levels: √2 keeps the shrinking mild while a level costs half the pixels of the one above.</summary>
    public static readonly double Step = Math.Sqrt(2);

    /// <summary>The largest level texture's side: 4096² RGBA is 64 MB, so a city too big for it gets levels from a lower zoom on.</summary>
    public const int MaximumSidePixels = 4096;

    /// <summary>The smallest level's map side: below it the whole city is a thumbnail and shrinking more costs nothing visible.</summary>
    private const int SmallestSidePixels = 16;

    private readonly GL _gl;
    private readonly Bounds _bounds;
    private readonly double _marginMetres;
    private readonly uint _program;
    private readonly uint _array;
    private readonly uint _corners;
    private readonly Dictionary<int, Level> _levels = [];
    private int _version = -1;
    private int _scale = -1;

    /// <param name="gl">The context the renderer draws with.</param>
    /// <param name="bounds">The map's bounds.</param>
    /// <param name="marginMetres">How far streets reach beyond the bounds (their width), besides their minimum width in pixels.</param>
    /// <param name="program">The linked textured-quad program (<see cref="Shaders.OverviewVertex"/>).</param>
    public OverviewLevels(GL gl, Bounds bounds, double marginMetres, uint program)
    {
        _gl = gl;
        _bounds = bounds;
        _marginMetres = marginMetres;
        _program = program;
        TopPixelsPerMetre = TopZoom(bounds);
        _array = gl.GenVertexArray();
        gl.BindVertexArray(_array);
        _corners = gl.GenBuffer();
        gl.BindBuffer(BufferTargetARB.ArrayBuffer, _corners);
        // Two triangles over the unit square; the shader stretches it over the level's world rectangle.
        float[] corners = [0, 0, 1, 0, 1, 1, 0, 0, 1, 1, 0, 1];
        gl.BufferData<float>(BufferTargetARB.ArrayBuffer, corners, BufferUsageARB.StaticDraw);
        gl.VertexAttribPointer(0, 2, VertexAttribPointerType.Float, false, 2 * sizeof(float), (void*)0);
        gl.EnableVertexAttribArray(0);
        gl.BindVertexArray(0);
    }

    /// <summary>The zoom of level 0: the coarse streets' threshold, or lower where the city would not fit the largest texture.</summary>
    public double TopPixelsPerMetre { get; }

    public static double TopZoom(Bounds bounds)
    {
        double extent = Math.Max(Math.Max(bounds.Width, bounds.Height), 1);
        // A quarter of a kilometre's worth of pixels spare for the margin (streets' width) at any zoom it could have.
        return Math.Min(CoarseStreets.BelowPixelsPerMetre, (MaximumSidePixels - 256) / extent);
    }

    /// <summary>Whether a view at this zoom is drawn from a level (zoomed out past the coarse threshold and level 0).</summary>
    public bool Serves(MapCamera camera) =>
        camera.PixelsPerMetre < CoarseStreets.BelowPixelsPerMetre && camera.PixelsPerMetre <= TopPixelsPerMetre;

    /// <summary>
    /// The level for a zoom: the one with the lowest zoom at or above it (level k has zoom top / Step^k), capped at the
    /// level where the map is <see cref="SmallestSidePixels"/> across.
    /// </summary>
    public static int LevelOf(double topPixelsPerMetre, double pixelsPerMetre, Bounds bounds)
    {
        double extent = Math.Max(Math.Max(bounds.Width, bounds.Height), 1);
        int deepest = Math.Max(0, (int)Math.Floor(Math.Log(topPixelsPerMetre * extent / SmallestSidePixels, Step)));
        // The small tolerance keeps a zoom that is exactly a level's (up to rounding) on that level, not the next.
        int level = (int)Math.Floor(Math.Log(topPixelsPerMetre / pixelsPerMetre, Step) + 1e-9);
        return Math.Clamp(level, 0, deepest);
    }

    public static double ZoomOf(double topPixelsPerMetre, int level) => topPixelsPerMetre / Math.Pow(Step, level);

    /// <summary>
    /// Draws the view's level, first drawing the level itself with <paramref name="drawGround"/> (into a texture) when
    /// the colours (<paramref name="version"/>) or interface scale changed or it was never needed. Leaves the
    /// framebuffer that was bound bound again, and the viewport for the caller to set.
    /// </summary>
    public void Draw(MapCamera camera, int scale, int version, Action<MapCamera, int> drawGround)
    {
        ArgumentNullException.ThrowIfNull(camera);
        ArgumentNullException.ThrowIfNull(drawGround);
        if (version != _version || scale != _scale)
        {
            Forget();
            _version = version;
            _scale = scale;
        }
        int index = LevelOf(TopPixelsPerMetre, camera.PixelsPerMetre, _bounds);
        if (!_levels.TryGetValue(index, out var level))
        {
            level = Render(ZoomOf(TopPixelsPerMetre, index), scale, drawGround);
            _levels[index] = level;
        }
        var gl = _gl;
        gl.Viewport(0, 0, (uint)camera.WidthPixels, (uint)camera.HeightPixels);
        gl.Disable(EnableCap.Blend);
        gl.UseProgram(_program);
        var (sx, sy, ox, oy) = camera.Transform();
        gl.Uniform2(gl.GetUniformLocation(_program, "u_scale"), sx, sy);
        gl.Uniform2(gl.GetUniformLocation(_program, "u_offset"), ox, oy);
        gl.Uniform2(gl.GetUniformLocation(_program, "u_viewport"), (float)camera.WidthPixels, camera.HeightPixels);
        gl.Uniform2(gl.GetUniformLocation(_program, "u_worldMin"), (float)level.MinX, (float)level.MinY);
        gl.Uniform2(gl.GetUniformLocation(_program, "u_worldMax"), (float)level.MaxX, (float)level.MaxY);
        gl.Uniform1(gl.GetUniformLocation(_program, "u_picture"), 0);
        gl.ActiveTexture(TextureUnit.Texture0);
        gl.BindTexture(TextureTarget.Texture2D, level.Texture);
        gl.BindVertexArray(_array);
        gl.DrawArrays(PrimitiveType.Triangles, 0, 6);
        gl.BindVertexArray(0);
        gl.BindTexture(TextureTarget.Texture2D, 0);
        gl.Enable(EnableCap.Blend);
    }

    /// <summary>Draws the whole map's ground at a level's zoom into a new texture (through a framebuffer used once).</summary>
    private Level Render(double pixelsPerMetre, int scale, Action<MapCamera, int> drawGround)
    {
        var gl = _gl;
        int marginPixels = (int)Math.Ceiling((_marginMetres * pixelsPerMetre) + (MapRenderer.MinimumStreetWidthPixels * scale)) + 2;
        int width = (int)Math.Ceiling(_bounds.Width * pixelsPerMetre) + (2 * marginPixels);
        int height = (int)Math.Ceiling(_bounds.Height * pixelsPerMetre) + (2 * marginPixels);
        var levelCamera = new MapCamera
        {
            CentreX = _bounds.CentreX,
            CentreY = _bounds.CentreY,
            PixelsPerMetre = pixelsPerMetre,
            WidthPixels = width,
            HeightPixels = height,
        };
        uint texture = gl.GenTexture();
        gl.BindTexture(TextureTarget.Texture2D, texture);
        gl.TexImage2D(TextureTarget.Texture2D, 0, InternalFormat.Rgba8, (uint)width, (uint)height, 0, PixelFormat.Rgba, PixelType.UnsignedByte, null);
        gl.TexParameter(TextureTarget.Texture2D, TextureParameterName.TextureMinFilter, (int)TextureMinFilter.Linear);
        gl.TexParameter(TextureTarget.Texture2D, TextureParameterName.TextureMagFilter, (int)TextureMagFilter.Linear);
        gl.TexParameter(TextureTarget.Texture2D, TextureParameterName.TextureWrapS, (int)TextureWrapMode.ClampToEdge);
        gl.TexParameter(TextureTarget.Texture2D, TextureParameterName.TextureWrapT, (int)TextureWrapMode.ClampToEdge);
        gl.BindTexture(TextureTarget.Texture2D, 0);

        gl.GetInteger(GetPName.DrawFramebufferBinding, out int previous);
        uint framebuffer = gl.GenFramebuffer();
        gl.BindFramebuffer(FramebufferTarget.Framebuffer, framebuffer);
        gl.FramebufferTexture2D(FramebufferTarget.Framebuffer, FramebufferAttachment.ColorAttachment0, TextureTarget.Texture2D, texture, 0);
        gl.Viewport(0, 0, (uint)width, (uint)height);
        var ground = MapAnnotations.Background;
        gl.ClearColor(ground.R / 255f, ground.G / 255f, ground.B / 255f, 1f);
        gl.Clear(ClearBufferMask.ColorBufferBit);
        drawGround(levelCamera, scale);
        gl.BindFramebuffer(FramebufferTarget.Framebuffer, (uint)previous);
        gl.DeleteFramebuffer(framebuffer);
        var (minX, maxY) = levelCamera.PixelToWorld(0, 0);
        var (maxX, minY) = levelCamera.PixelToWorld(width, height);
        return new Level(texture, minX, minY, maxX, maxY);
    }

    private void Forget()
    {
        foreach (var level in _levels.Values)
        {
            _gl.DeleteTexture(level.Texture);
        }
        _levels.Clear();
    }

    public void Dispose()
    {
        Forget();
        _gl.DeleteBuffer(_corners);
        _gl.DeleteVertexArray(_array);
    }

    /// <summary>A level's texture and the world rectangle it shows (its bottom-left texel is the south-west corner).</summary>
    private readonly record struct Level(uint Texture, double MinX, double MinY, double MaxX, double MaxY);
}
