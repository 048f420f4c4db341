using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DigitalTwin.Viewer.Native;

/// <summary>The GLFW 3.3 entry points a window with an OpenGL context needs (Debian libglfw3: libglfw.so.3).</summary>
internal static unsafe partial class Glfw
{
    private const string Library = "libglfw.so.3";

    public const int ContextVersionMajor = 0x00022002;
    public const int ContextVersionMinor = 0x00022003;
    public const int OpenGlForwardCompat = 0x00022006;
    public const int OpenGlProfile = 0x00022008;
    public const int OpenGlCoreProfile = 0x00032001;
    public const int Visible = 0x00020004;
    public const int Resizable = 0x00020003;
    public const int Press = 1;
    public const int Release = 0;
    public const int Repeat = 2;

    [LibraryImport(Library, EntryPoint = "glfwInit")]
    public static partial int Init();

    [LibraryImport(Library, EntryPoint = "glfwTerminate")]
    public static partial void Terminate();

    [LibraryImport(Library, EntryPoint = "glfwGetError")]
    public static partial int GetError(out nint description);

    [LibraryImport(Library, EntryPoint = "glfwWindowHint")]
    public static partial void WindowHint(int hint, int value);

    [LibraryImport(Library, EntryPoint = "glfwCreateWindow", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint CreateWindow(int width, int height, string title, nint monitor, nint share);

    [LibraryImport(Library, EntryPoint = "glfwDestroyWindow")]
    public static partial void DestroyWindow(nint window);

    [LibraryImport(Library, EntryPoint = "glfwMakeContextCurrent")]
    public static partial void MakeContextCurrent(nint window);

    [LibraryImport(Library, EntryPoint = "glfwGetProcAddress", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint GetProcAddress(string name);

    [LibraryImport(Library, EntryPoint = "glfwSwapInterval")]
    public static partial void SwapInterval(int interval);

    [LibraryImport(Library, EntryPoint = "glfwSwapBuffers")]
    public static partial void SwapBuffers(nint window);

    [LibraryImport(Library, EntryPoint = "glfwPollEvents")]
    public static partial void PollEvents();

    [LibraryImport(Library, EntryPoint = "glfwWaitEventsTimeout")]
    public static partial void WaitEventsTimeout(double timeoutSeconds);

    [LibraryImport(Library, EntryPoint = "glfwWindowShouldClose")]
    public static partial int WindowShouldClose(nint window);

    [LibraryImport(Library, EntryPoint = "glfwSetWindowShouldClose")]
    public static partial void SetWindowShouldClose(nint window, int value);

    [LibraryImport(Library, EntryPoint = "glfwSetWindowTitle", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void SetWindowTitle(nint window, string title);

    [LibraryImport(Library, EntryPoint = "glfwGetFramebufferSize")]
    public static partial void GetFramebufferSize(nint window, out int width, out int height);

    [LibraryImport(Library, EntryPoint = "glfwGetCursorPos")]
    public static partial void GetCursorPos(nint window, out double x, out double y);

    [LibraryImport(Library, EntryPoint = "glfwSetKeyCallback")]
    public static partial nint SetKeyCallback(nint window, delegate* unmanaged[Cdecl]<nint, int, int, int, int, void> callback);

    [LibraryImport(Library, EntryPoint = "glfwSetMouseButtonCallback")]
    public static partial nint SetMouseButtonCallback(nint window, delegate* unmanaged[Cdecl]<nint, int, int, int, void> callback);

    [LibraryImport(Library, EntryPoint = "glfwSetCursorPosCallback")]
    public static partial nint SetCursorPosCallback(nint window, delegate* unmanaged[Cdecl]<nint, double, double, void> callback);

    /// <summary>Text input: one Unicode code point per typed character, after the keyboard layout and dead keys (unlike key codes).</summary>
    [LibraryImport(Library, EntryPoint = "glfwSetCharCallback")]
    public static partial nint SetCharCallback(nint window, delegate* unmanaged[Cdecl]<nint, uint, void> callback);

    [LibraryImport(Library, EntryPoint = "glfwSetScrollCallback")]
    public static partial nint SetScrollCallback(nint window, delegate* unmanaged[Cdecl]<nint, double, double, void> callback);

    /// <summary>GLFW's last error as text (its description pointer is owned by GLFW).</summary>
    public static string LastError()
    {
        int code = GetError(out nint description);
        string text = description == 0 ? "no description" : Marshal.PtrToStringUTF8(description) ?? string.Empty;
        return $"GLFW error 0x{code:X}: {text}";
    }
}

/// <summary>
/// What the window saw since the last frame: one record per key, button, movement or scroll. <see cref="Mods"/> are
/// GLFW's modifier bits (1 = shift) for keys and buttons.
/// </summary>
public readonly record struct InputEvent(InputEventKind Kind, int Code, double X, double Y, int Mods = 0)
{
    public const int ShiftMod = 1;
}

public enum InputEventKind
{
    KeyPress,
    ButtonPress,
    ButtonRelease,
    CursorMove,
    Scroll,

    /// <summary>A typed character; <see cref="InputEvent.Code"/> is its Unicode code point.</summary>
    Character,
}

/// <summary>
/// Receives GLFW's callbacks. They are static functions (no delegates the garbage collector could move or
/// collect) and GLFW calls them on the thread that polls events, so a plain list suffices.
/// </summary>
internal static unsafe class GlfwCallbacks
{
    public static List<InputEvent> Pending { get; } = [];

    public static void Attach(nint window)
    {
        Glfw.SetKeyCallback(window, &OnKey);
        Glfw.SetMouseButtonCallback(window, &OnButton);
        Glfw.SetCursorPosCallback(window, &OnCursor);
        Glfw.SetScrollCallback(window, &OnScroll);
        Glfw.SetCharCallback(window, &OnChar);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnChar(nint window, uint codePoint) => Pending.Add(new InputEvent(InputEventKind.Character, (int)codePoint, 0, 0));

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnKey(nint window, int key, int scancode, int action, int mods)
    {
        if (action is Glfw.Press or Glfw.Repeat)
        {
            Pending.Add(new InputEvent(InputEventKind.KeyPress, key, 0, 0, mods));
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnButton(nint window, int button, int action, int mods)
    {
        Glfw.GetCursorPos(window, out double x, out double y);
        Pending.Add(new InputEvent(action == Glfw.Press ? InputEventKind.ButtonPress : InputEventKind.ButtonRelease, button, x, y, mods));
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnCursor(nint window, double x, double y) => Pending.Add(new InputEvent(InputEventKind.CursorMove, 0, x, y));

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnScroll(nint window, double dx, double dy)
    {
        Glfw.GetCursorPos(window, out double x, out double y);
        Pending.Add(new InputEvent(InputEventKind.Scroll, (int)Math.Sign(dy), x, y));
    }
}
