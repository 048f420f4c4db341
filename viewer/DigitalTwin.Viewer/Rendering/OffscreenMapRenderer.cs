using DigitalTwin.Viewer.Maps;
using DigitalTwin.Viewer.Native;
using Silk.NET.OpenGL;

namespace DigitalTwin.Viewer.Rendering;

/// <summary>What an offscreen render produced: the picture and where its camera and legend were.</summary>
public sealed record MapPicture(RgbaImage Image, MapCamera Camera, LegendPlacement Legend);

/// <summary>
/// Renders map scenes into an image without a display: an EGL surfaceless context and a framebuffer object of the
/// requested size. One instance per thread (the context is current on the creating thread).
/// </summary>
public sealed class OffscreenMapRenderer : IDisposable
{
    public const int MaximumSidePixels = 8192;

    private readonly OffscreenContext _context;
    private readonly GL _gl;
    private uint _framebuffer;
    private uint _colour;
    private int _width;
    private int _height;

    private OffscreenMapRenderer(OffscreenContext context)
    {
        _context = context;
        _gl = context.Gl;
    }

    /// <summary>Null with the reason when the system has no offscreen OpenGL (EGL/Mesa missing).</summary>
    public static OffscreenMapRenderer? TryCreate(out string reason)
    {
        var context = OffscreenContext.TryCreate(out reason);
        return context is null ? null : new OffscreenMapRenderer(context);
    }

    /// <summary>Renders the scene fitted to the picture (or with the given camera) and reads it back.</summary>
    public MapPicture Render(MapScene scene, int width, int height, MapCamera? camera = null, IReadOnlyList<string>? notes = null, MarkerMesh? dots = null,
        ObservationLayer? observations = null)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, MaximumSidePixels);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, MaximumSidePixels);
        EnsureFramebuffer(width, height);
        var layout = new MapLayout(width, height);
        if (camera is null)
        {
            camera = new MapCamera();
            var area = layout.MapArea;
            camera.Fit(scene.Geometry.Bounds, (area.X, area.Y, area.Width, area.Height), width, height);
        }
        var overlay = new MarkerMesh();
        var legend = MapAnnotations.Build(overlay, scene, camera, layout, notes);
        if (observations is not null)
        {
            dots ??= new MarkerMesh();
            observations.BuildMarkers(dots, layout.Scale);
            observations.BuildLegend(overlay, layout);
        }
        using var renderer = new MapRenderer(_gl, scene);
        renderer.Draw(camera, layout, overlay, dots);
        var image = renderer.ReadPixels(width, height);
        return new MapPicture(image, camera, legend);
    }

    /// <summary>
    /// A renderer of the scene kept on this context, drawing into a framebuffer of the given size: what a window does
    /// frame after frame, for frame-time measurements (<see cref="Finish"/> waits until a frame is drawn).
    /// </summary>
    public MapRenderer Prepare(MapScene scene, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(scene);
        EnsureFramebuffer(width, height);
        return new MapRenderer(_gl, scene, cacheOverview: true);
    }

    /// <summary>Waits until everything asked of OpenGL is drawn (a frame's end, as a window's swap is).</summary>
    public void Finish() => _gl.Finish();

    private void EnsureFramebuffer(int width, int height)
    {
        if (_framebuffer != 0 && width == _width && height == _height)
        {
            _gl.BindFramebuffer(FramebufferTarget.Framebuffer, _framebuffer);
            return;
        }
        DeleteFramebuffer();
        _framebuffer = _gl.GenFramebuffer();
        _gl.BindFramebuffer(FramebufferTarget.Framebuffer, _framebuffer);
        _colour = _gl.GenRenderbuffer();
        _gl.BindRenderbuffer(RenderbufferTarget.Renderbuffer, _colour);
        _gl.RenderbufferStorage(RenderbufferTarget.Renderbuffer, InternalFormat.Rgba8, (uint)width, (uint)height);
        _gl.FramebufferRenderbuffer(FramebufferTarget.Framebuffer, FramebufferAttachment.ColorAttachment0, RenderbufferTarget.Renderbuffer, _colour);
        var status = _gl.CheckFramebufferStatus(FramebufferTarget.Framebuffer);
        if (status != GLEnum.FramebufferComplete)
        {
            throw new InvalidOperationException($"offscreen framebuffer of {width}x{height} is incomplete: {status}");
        }
        _width = width;
        _height = height;
    }

    private void DeleteFramebuffer()
    {
        if (_framebuffer != 0)
        {
            _gl.DeleteFramebuffer(_framebuffer);
            _gl.DeleteRenderbuffer(_colour);
            _framebuffer = 0;
        }
    }

    public void Dispose()
    {
        DeleteFramebuffer();
        _context.Dispose();
    }
}
