using DigitalTwin.Cli.Outputs;
using DigitalTwin.TestKit;
using Xunit.Abstractions;

namespace DigitalTwin.Cli.Tests.Outputs;

/// <summary>
/// <c>twin run</c> as a real process, killed at random moments and stopped by signals: the output folder is always
/// the previous complete run or the new complete one, and the next run into it leaves no leftovers.
/// </summary>
public sealed class InterruptedRunTests(ITestOutputHelper log) : IDisposable
{
    private readonly ScenarioBuilder _files = new();

    public void Dispose() => _files.Dispose();

    private string Folder(string name) => Path.Combine(_files.Directory, name);

    /// <summary>The previous run (seed 1) and the new one (seed 2), made by the real program, and the new run's timing.</summary>
    private (string Scenario, Dictionary<string, byte[]> Previous, Dictionary<string, byte[]> New, TimeSpan LastDay, TimeSpan End) References()
    {
        string scenario = Fixtures.GridScenario(_files, size: 8, residents: 600);
        var (code, previous) = TwinProcess.Run("run", scenario, "--days", "2", "--seed", "1", "--threads", "1", "--out", Folder("previous"));
        Assert.True(code == 0, previous.Error);
        previous.Dispose();
        using var fresh = TwinProcess.Start("run", scenario, "--days", "2", "--seed", "2", "--threads", "1", "--out", Folder("new"));
        var lastDay = fresh.WaitForLine("day 2/2");
        Assert.True(fresh.WaitForExit() == 0, fresh.Error);
        Assert.NotNull(lastDay);
        var contents = (Fixtures.Contents(Folder("previous")), Fixtures.Contents(Folder("new")));
        Assert.Equal(Fixtures.RunFiles.Order(StringComparer.Ordinal), contents.Item1.Keys.Order(StringComparer.Ordinal));
        Assert.False(Fixtures.Same(contents.Item1, contents.Item2));
        return (scenario, contents.Item1, contents.Item2, lastDay.Value, fresh.Elapsed);
    }

    private void PutPrevious(string target)
    {
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }
        Directory.CreateDirectory(target);
        foreach (string file in Directory.EnumerateFiles(Folder("previous")))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void A_run_killed_at_any_moment_leaves_the_previous_or_the_new_run_and_the_next_run_cleans_up()
    {
        var (scenario, previous, fresh, lastDay, end) = References();
        string target = Folder("out");
        var random = new Random(20251207);
        var states = new Dictionary<string, int>(StringComparer.Ordinal);
        const int Kills = 20;
        // The kill moments are random; one that comes after the process ended is drawn again from a shorter span, so
        // every kill lands while twin runs, whatever the machine's load.
        var span = new[] { end, end - lastDay };
        for (int kill = 0; kill < Kills; kill++)
        {
            // Even kills anywhere in the run, odd ones after the last day: while it writes its files and swaps them in.
            bool whileWriting = kill % 2 == 1;
            string state;
            for (int attempt = 0; ; attempt++)
            {
                Assert.True(attempt < 20, $"kill {kill}: twin always finished before the kill");
                PutPrevious(target);
                using var child = TwinProcess.Start("run", scenario, "--days", "2", "--seed", "2", "--threads", "1", "--out", target);
                if (whileWriting)
                {
                    child.WaitForLine("day 2/2");
                }
                Thread.Sleep(random.Next(Math.Max(1, (int)span[kill % 2].TotalMilliseconds)));
                bool running = !child.HasExited;
                child.Kill();
                child.WaitForExit();
                state = Classify(target, previous, fresh, kill);
                if (running)
                {
                    break;
                }
                span[kill % 2] /= 2;
                // Even a finished run must leave one of the two runs and, after the clean-up below, nothing else.
                Assert.True(OutputFolder.Open(target, DigitalTwin.Cli.Commands.RunCommand.IsRunOutput).Succeeded);
            }
            // A staging folder left behind means the kill came while the new run's files were being written.
            string key = (whileWriting ? "after the last day: " : "anywhere: ") + state
                + (state == "previous" && Fixtures.Leftovers(target).Length > 0 ? " (staging folder left)" : string.Empty);
            states[key] = states.GetValueOrDefault(key) + 1;

            // What the next command into the folder does first: leftovers go, a set-aside previous run comes back.
            Assert.True(OutputFolder.Open(target, DigitalTwin.Cli.Commands.RunCommand.IsRunOutput).Succeeded);
            Assert.Empty(Fixtures.Leftovers(target));
            var after = Fixtures.Contents(target);
            Assert.True(Fixtures.Same(after, previous) || Fixtures.Same(after, fresh), $"kill {kill}: after cleaning, the folder holds neither run");
        }
        log.WriteLine($"{Kills} kills while twin ran (a run: last day at {lastDay.TotalMilliseconds:0} ms, exit at {end.TotalMilliseconds:0} ms): "
            + string.Join("; ", states.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value}")));

        var (code, next) = TwinProcess.Run("run", scenario, "--days", "2", "--seed", "2", "--threads", "1", "--out", target);
        Assert.True(code == 0, next.Error);
        next.Dispose();
        Assert.True(Fixtures.Same(Fixtures.Contents(target), fresh));
        Assert.Empty(Fixtures.Leftovers(target));
    }

    /// <summary>The folder after a kill: the previous run, the new one, or (killed mid-swap) absent; never a mix.</summary>
    private static string Classify(string target, Dictionary<string, byte[]> previous, Dictionary<string, byte[]> fresh, int kill)
    {
        if (!Directory.Exists(target))
        {
            // Killed between the two renames of the swap: the previous run waits aside for the next command.
            Assert.NotEmpty(Fixtures.Leftovers(target));
            return "absent, previous set aside";
        }
        var contents = Fixtures.Contents(target);
        string state = Fixtures.Same(contents, previous) ? "previous" : Fixtures.Same(contents, fresh) ? "new" : "MIX";
        Assert.True(state != "MIX", $"kill {kill}: the folder holds neither run: {string.Join(", ", contents.Keys)}");
        return state;
    }

    [SignalFact]
    [Trait("Category", "Slow")]
    public void Ctrl_C_stops_a_run_with_exit_code_130_and_leaves_the_previous_run_untouched() =>
        StopsCleanly("INT", Interruption.InterruptedExitCode, "Ctrl-C");

    [SignalFact]
    [Trait("Category", "Slow")]
    public void SIGTERM_stops_a_run_with_exit_code_143_and_leaves_the_previous_run_untouched() =>
        StopsCleanly("TERM", Interruption.TerminatedExitCode, "SIGTERM");

    private void StopsCleanly(string signal, int exitCode, string cause)
    {
        string scenario = Fixtures.GridScenario(_files, size: 8, residents: 600);
        string target = Folder("out");
        var (code, first) = TwinProcess.Run("run", scenario, "--days", "1", "--seed", "1", "--threads", "1", "--out", target);
        Assert.True(code == 0, first.Error);
        first.Dispose();
        var previous = Fixtures.Contents(target);

        using var child = TwinProcess.Start("run", scenario, "--days", "365", "--seed", "2", "--threads", "1", "--out", target);
        Assert.NotNull(child.WaitForLine("simulating 365 days"));
        Thread.Sleep(300);
        child.Signal(signal);

        Assert.Equal(exitCode, child.WaitForExit());
        Assert.DoesNotContain("wrote", child.Output, StringComparison.Ordinal);
        string error = child.Error.Trim();
        Assert.Single(error.Split('\n'));
        Assert.StartsWith($"cancelled ({cause}): the run of 'test' stopped after day ", error, StringComparison.Ordinal);
        Assert.EndsWith($"{target} is untouched", error, StringComparison.Ordinal);
        Assert.True(Fixtures.Same(Fixtures.Contents(target), previous), "the previous run changed");
        Assert.Empty(Fixtures.Leftovers(target));
    }
}
