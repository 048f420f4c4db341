using DigitalTwin.Viewer.Maps;
using DigitalTwin.Viewer.Rendering;

namespace DigitalTwin.Viewer.Tests.Rendering;

/// <summary>
/// Test classes run in parallel, each with its own renderer: one thread's renderer must survive another's being
/// created and disposed on the same EGL display meanwhile.
/// </summary>
public sealed class OffscreenContextThreadsTests
{
    [Fact]
    public void A_renderer_keeps_drawing_while_others_come_and_go_on_other_threads()
    {
        using var steady = OffscreenMapRenderer.TryCreate(out string reason)
            ?? throw new InvalidOperationException("offscreen OpenGL is needed for this test: " + reason);
        var scene = new MapScene(SyntheticRuns.ThreePaths()) { Measure = Measure.Encounters };
        var expected = steady.Render(scene, 160, 120).Image;

        // Plain threads, not tasks: the steady renderer's context is current on this thread, so this method must not
        // continue on another one.
        var made = new int[2];
        Exception? failure = null;
        bool stop = false;
        var churn = Enumerable.Range(0, made.Length).Select(i => new Thread(() =>
        {
            try
            {
                while (!Volatile.Read(ref stop) || made[i] == 0)
                {
                    using var passing = OffscreenMapRenderer.TryCreate(out string why)
                        ?? throw new InvalidOperationException(why);
                    passing.Render(new MapScene(SyntheticRuns.ThreePaths()), 64, 48);
                    made[i]++;
                }
            }
            catch (Exception e)
            {
                failure = e;
            }
        })).ToArray();
        foreach (var thread in churn)
        {
            thread.Start();
        }

        for (int frame = 0; frame < 120; frame++)
        {
            var image = steady.Render(scene, 160, 120).Image;
            Assert.Equal(expected[80, 60], image[80, 60]);
        }
        Volatile.Write(ref stop, true);
        foreach (var thread in churn)
        {
            thread.Join();
        }
        Assert.Null(failure);
        Assert.All(made, count => Assert.True(count > 0));
    }
}
