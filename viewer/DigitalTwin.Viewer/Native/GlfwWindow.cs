using Silk.NET.OpenGL;

namespace DigitalTwin.Viewer.Native;

/// <summary>A GLFW window with an OpenGL 3.3 core context, current on the creating thread. One at a time.</summary>
public sealed class GlfwWindow : IDisposable
{
    private readonly nint _window;
    private bool _disposed;

    private GlfwWindow(nint window, GL gl)
    {
        _window = window;
        Gl = gl;
    }

    public GL Gl { get; }

    public bool ShouldClose => Glfw.WindowShouldClose(_window) != 0;

    /// <summary>Framebuffer size in pixels (differs from the window size on high-density screens).</summary>
    public (int Width, int Height) FramebufferSize
    {
        get
        {
            Glfw.GetFramebufferSize(_window, out int width, out int height);
            return (width, height);
        }
    }

    /// <summary>Opens the window; null with the reason when there is no display or no GLFW.</summary>
    public static GlfwWindow? TryOpen(int width, int height, string title, bool visible, out string reason)
    {
        try
        {
            if (Glfw.Init() == 0)
            {
                reason = "no display to open a window on (" + Glfw.LastError() + ")";
                return null;
            }
            Glfw.WindowHint(Glfw.ContextVersionMajor, 3);
            Glfw.WindowHint(Glfw.ContextVersionMinor, 3);
            Glfw.WindowHint(Glfw.OpenGlProfile, Glfw.OpenGlCoreProfile);
            Glfw.WindowHint(Glfw.OpenGlForwardCompat, 1);
            Glfw.WindowHint(Glfw.Visible, visible ? 1 : 0);
            Glfw.WindowHint(Glfw.Resizable, 1);
            nint window = Glfw.CreateWindow(width, height, title, 0, 0);
            if (window == 0)
            {
                reason = "could not open an OpenGL 3.3 window (" + Glfw.LastError() + ")";
                Glfw.Terminate();
                return null;
            }
            Glfw.MakeContextCurrent(window);
            // No vertical sync: frame times are measured, and llvmpipe is the bottleneck anyway.
            Glfw.SwapInterval(0);
            GlfwCallbacks.Attach(window);
            reason = string.Empty;
            return new GlfwWindow(window, GL.GetApi(Glfw.GetProcAddress));
        }
        catch (DllNotFoundException e)
        {
            reason = $"libglfw.so.3 is not installed (Debian: apt-get install libglfw3): {e.Message}";
            return null;
        }
    }

    public void SwapBuffers() => Glfw.SwapBuffers(_window);

    /// <summary>Polls (or, when idle, waits up to the timeout for) events and returns those since the last call.</summary>
    public IReadOnlyList<InputEvent> Events(double waitSeconds)
    {
        GlfwCallbacks.Pending.Clear();
        if (waitSeconds > 0)
        {
            Glfw.WaitEventsTimeout(waitSeconds);
        }
        else
        {
            Glfw.PollEvents();
        }
        return [.. GlfwCallbacks.Pending];
    }

    public (double X, double Y) CursorPosition
    {
        get
        {
            Glfw.GetCursorPos(_window, out double x, out double y);
            return (x, y);
        }
    }

    public void Close() => Glfw.SetWindowShouldClose(_window, 1);

    public void SetTitle(string title) => Glfw.SetWindowTitle(_window, title);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        Gl.Dispose();
        Glfw.DestroyWindow(_window);
        Glfw.Terminate();
    }
}
