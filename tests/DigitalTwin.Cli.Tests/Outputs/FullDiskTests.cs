using DigitalTwin.Engine.IO;
using DigitalTwin.TestKit;

namespace DigitalTwin.Cli.Tests.Outputs;

/// <summary>
/// Writing onto a full disk and into a read-only folder, on small tmpfs mounts (root only): one line naming the file
/// and the cause, exit code 1, the previous run kept, nothing left behind.
/// </summary>
public sealed class FullDiskTests : IDisposable
{
    private readonly ScenarioBuilder _files = new();
    private readonly List<string> _mounts = [];

    public void Dispose()
    {
        foreach (string mount in _mounts)
        {
            Fixtures.Unmount(mount);
        }
        _files.Dispose();
    }

    private static (int Code, string Out, string Error) Run(params string[] args) => Fixtures.RunTwin(args);

    private string Disk(string name, string options)
    {
        string path = Path.Combine(_files.Directory, name);
        Directory.CreateDirectory(path);
        Fixtures.Mount("-t", "tmpfs", "-o", options, "tmpfs", path);
        _mounts.Add(path);
        return path;
    }

    [RootFact]
    public void A_full_disk_is_one_line_with_the_file_and_the_cause_and_the_previous_run_stays()
    {
        string scenario = Fixtures.GridScenario(_files, size: 8, residents: 600);
        string reference = Path.Combine(_files.Directory, "reference");
        Assert.Equal(TwinApp.Success, Run("run", scenario, "--days", "1", "--seed", "1", "--threads", "1", "--out", reference).Code);
        long runBytes = Directory.EnumerateFiles(reference).Sum(f => new FileInfo(f).Length);
        // Room for the previous run and half of a new one.
        string disk = Disk("disk", $"size={runBytes * 3 / 2 / 1024 + 8}k");
        string target = Path.Combine(disk, "out");
        Assert.Equal(TwinApp.Success, Run("run", scenario, "--days", "1", "--seed", "1", "--threads", "1", "--out", target).Code);
        var previous = Fixtures.Contents(target);

        var (code, _, error) = Run("run", scenario, "--days", "1", "--seed", "2", "--threads", "1", "--out", target);

        Assert.Equal(TwinApp.UserError, code);
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches($@"^error: {System.Text.RegularExpressions.Regex.Escape(target)}/[a-z.-]+: cannot write the file: no space left on device \(free space on that disk or write to another folder\); {System.Text.RegularExpressions.Regex.Escape(target)} is untouched$", line);
        Assert.True(Fixtures.Same(Fixtures.Contents(target), previous), "the previous run changed");
        Assert.Empty(Fixtures.Leftovers(target));
        Assert.Equal([Path.GetFileName(target)], Directory.EnumerateFileSystemEntries(disk).Select(Path.GetFileName));
    }

    [RootFact]
    public void The_run_file_on_a_full_disk_is_not_an_internal_error()
    {
        // MessagePack wraps the full disk in its own exception; the run file is the largest file, so it fails.
        string scenario = Fixtures.GridScenario(_files, size: 8, residents: 600);
        string reference = Path.Combine(_files.Directory, "reference");
        Assert.Equal(TwinApp.Success, Run("run", scenario, "--days", "1", "--threads", "1", "--out", reference).Code);
        long before = Fixtures.RunFiles.TakeWhile(f => f != RunWriter.RunFileName).Sum(f => new FileInfo(Path.Combine(reference, f)).Length);
        long runFile = new FileInfo(Path.Combine(reference, RunWriter.RunFileName)).Length;
        string disk = Disk("disk", $"size={(before + (runFile / 2)) / 1024}k");

        var (code, _, error) = Run("run", scenario, "--days", "1", "--threads", "1", "--out", Path.Combine(disk, "out"));

        Assert.Equal(TwinApp.UserError, code);
        Assert.Contains($"out/{RunWriter.RunFileName}: cannot write the file: no space left on device", error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(disk));
    }
}
