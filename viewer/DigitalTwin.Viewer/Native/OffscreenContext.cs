using System.Globalization;
using Silk.NET.OpenGL;

namespace DigitalTwin.Viewer.Native;

/// <summary>
/// An OpenGL 3.3 core context with no window and no display: EGL on Mesa's surfaceless platform (llvmpipe on a
/// machine without a GPU). Drawing goes into a framebuffer object the renderer creates.
/// </summary>
public sealed class OffscreenContext : IDisposable
{
    /// <summary>
    /// EGL hands every caller the same display for the surfaceless platform, and eglTerminate ends it for all of
    /// them, contexts current on other threads included (Mesa frees the driver screen under them: the test host
    /// crashed when two renderers on two threads overlapped). So the display is initialised by the first context
    /// and terminated by the last one disposed, counted under this lock.
    /// </summary>
    private static readonly Lock DisplayLock = new();
    private static int _contextsOnDisplay;

    private readonly nint _display;
    private readonly nint _context;
    private bool _disposed;

    private OffscreenContext(nint display, nint context, GL gl)
    {
        _display = display;
        _context = context;
        Gl = gl;
    }

    public GL Gl { get; }

    /// <summary>Creates the context and makes it current on this thread; null with the reason when the system cannot.</summary>
    public static OffscreenContext? TryCreate(out string reason)
    {
        try
        {
            return Create(out reason);
        }
        catch (DllNotFoundException e)
        {
            reason = $"libEGL.so.1 is not installed (Debian: apt-get install libegl1 libegl-mesa0 libgl1-mesa-dri): {e.Message}";
            return null;
        }
        catch (EntryPointNotFoundException e)
        {
            reason = $"libEGL.so.1 lacks EGL 1.5: {e.Message}";
            return null;
        }
    }

    private static OffscreenContext? Create(out string reason)
    {
        lock (DisplayLock)
        {
            var created = CreateOnDisplay(out reason);
            if (created is not null)
            {
                _contextsOnDisplay++;
            }
            else if (_contextsOnDisplay == 0)
            {
                TerminateDisplay();
            }
            return created;
        }
    }

    private static void TerminateDisplay()
    {
        nint display = Egl.GetPlatformDisplay(Egl.PlatformSurfacelessMesa, 0, 0);
        if (display != 0)
        {
            Egl.Terminate(display);
        }
    }

    private static OffscreenContext? CreateOnDisplay(out string reason)
    {
        nint display = Egl.GetPlatformDisplay(Egl.PlatformSurfacelessMesa, 0, 0);
        if (display == 0 || Egl.Initialize(display, out _, out _) == 0)
        {
            reason = Failure("no surfaceless EGL display (is Mesa's libegl-mesa0 installed?)");
            return null;
        }
        if (Egl.BindApi(Egl.OpenGlApi) == 0)
        {
            reason = Failure("EGL cannot bind desktop OpenGL");
            return null;
        }
        int[] configAttributes =
        [
            Egl.SurfaceType, Egl.PbufferBit, Egl.RenderableType, Egl.OpenGlBit,
            Egl.RedSize, 8, Egl.GreenSize, 8, Egl.BlueSize, 8, Egl.AlphaSize, 8, Egl.None,
        ];
        var configs = new nint[1];
        if (Egl.ChooseConfig(display, configAttributes, configs, 1, out int count) == 0 || count < 1)
        {
            reason = Failure("no EGL configuration with 8-bit RGBA for OpenGL");
            return null;
        }
        int[] contextAttributes =
        [
            Egl.ContextMajorVersion, 3, Egl.ContextMinorVersion, 3,
            Egl.ContextOpenGlProfileMask, Egl.ContextOpenGlCoreProfileBit, Egl.None,
        ];
        nint context = Egl.CreateContext(display, configs[0], 0, contextAttributes);
        if (context == 0)
        {
            reason = Failure("EGL could not create an OpenGL 3.3 core context");
            return null;
        }
        if (Egl.MakeCurrent(display, 0, 0, context) == 0)
        {
            reason = Failure("EGL could not make the context current without a surface");
            Egl.DestroyContext(display, context);
            return null;
        }
        reason = string.Empty;
        return new OffscreenContext(display, context, GL.GetApi(Egl.GetProcAddress));
    }

    private static string Failure(string what) => string.Create(CultureInfo.InvariantCulture, $"{what}; EGL error 0x{Egl.GetError():X4}");

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        Gl.Dispose();
        Egl.MakeCurrent(_display, 0, 0, 0);
        Egl.DestroyContext(_display, _context);
        lock (DisplayLock)
        {
            if (--_contextsOnDisplay == 0)
            {
                Egl.Terminate(_display);
            }
        }
    }
}
