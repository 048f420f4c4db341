using System.Diagnostics;
using System.Globalization;
using DigitalTwin.Cli.Outputs;
using DigitalTwin.TestKit;

namespace DigitalTwin.Cli.Tests.Outputs;

/// <summary>The output folder's swap and its clean-up of what a killed command leaves, on plain folders.</summary>
public sealed class OutputFolderTests : IDisposable
{
    private readonly ScenarioBuilder _files = new();

    public void Dispose() => _files.Dispose();

    private string Target => Path.Combine(_files.Directory, "out");

    private static void Write(string folder, string text)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "a.txt"), text);
        File.WriteAllText(Path.Combine(folder, "b.txt"), text);
    }

    private static string Read(string folder) => string.Join("|", Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal).Select(File.ReadAllText));

    /// <summary>The id of a process that has ended: what a killed command's leftovers carry.</summary>
    private static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo(OperatingSystem.IsWindows() ? "cmd" : "true") { ArgumentList = { } })!;
        process.WaitForExit();
        return process.Id;
    }

    [Fact]
    public void Commit_replaces_the_previous_folder_whole_and_leaves_nothing_beside_it()
    {
        Write(Target, "old");
        var output = OutputFolder.Open(Target, _ => true).Unwrap();
        using (var staging = output.Stage())
        {
            File.WriteAllText(Path.Combine(staging.Path, "a.txt"), "new");
            Assert.Equal("old|old", Read(Target));
            staging.Commit();
        }

        Assert.Equal("new", Read(Target));
        Assert.Empty(Fixtures.Leftovers(Target));
    }

    [Fact]
    public void A_staging_folder_not_committed_is_deleted_and_the_previous_folder_stays()
    {
        Write(Target, "old");
        var output = OutputFolder.Open(Target, _ => true).Unwrap();
        using (var staging = output.Stage())
        {
            File.WriteAllText(Path.Combine(staging.Path, "a.txt"), "half");
        }

        Assert.Equal("old|old", Read(Target));
        Assert.Empty(Fixtures.Leftovers(Target));
    }

    [Fact]
    public void Open_checks_without_creating_the_folder()
    {
        string nested = Path.Combine(_files.Directory, "new", "out");

        Assert.True(OutputFolder.Open(nested, _ => true).Succeeded);
        Assert.True(Directory.Exists(Path.GetDirectoryName(nested)));
        Assert.False(Directory.Exists(nested));
        Assert.Empty(Fixtures.Leftovers(nested));
    }

    [Fact]
    public void A_dead_commands_staging_folder_and_probe_are_removed_and_a_live_ones_left()
    {
        Write(Target, "old");
        int dead = DeadProcessId();
        string deadStaging = Path.Combine(_files.Directory, string.Create(CultureInfo.InvariantCulture, $".out.partial-{dead}-0"));
        string liveStaging = Path.Combine(_files.Directory, string.Create(CultureInfo.InvariantCulture, $".out.partial-{Environment.ProcessId}-1"));
        string deadProbe = Path.Combine(Target, string.Create(CultureInfo.InvariantCulture, $".twin-probe-{dead}"));
        Write(deadStaging, "half");
        Write(liveStaging, "busy");
        File.WriteAllText(deadProbe, "x");

        Assert.True(OutputFolder.Open(Target, _ => true).Succeeded);

        Assert.False(Directory.Exists(deadStaging));
        Assert.False(File.Exists(deadProbe));
        Assert.True(Directory.Exists(liveStaging));
        Assert.Equal("old|old", Read(Target));
    }

    [Fact]
    public void A_previous_folder_set_aside_by_a_command_killed_mid_swap_is_put_back()
    {
        // Killed after renaming the previous output aside and before renaming the new one in: the folder is missing.
        string aside = Path.Combine(_files.Directory, string.Create(CultureInfo.InvariantCulture, $".out.previous-{DeadProcessId()}-0"));
        Write(aside, "old");

        Assert.True(OutputFolder.Open(Target, _ => true).Succeeded);

        Assert.Equal("old|old", Read(Target));
        Assert.Empty(Fixtures.Leftovers(Target));
    }

    [Fact]
    public void A_previous_folder_set_aside_is_deleted_when_the_new_one_is_in_place()
    {
        Write(Target, "new");
        string aside = Path.Combine(_files.Directory, string.Create(CultureInfo.InvariantCulture, $".out.previous-{DeadProcessId()}-0"));
        Write(aside, "old");

        Assert.True(OutputFolder.Open(Target, _ => true).Succeeded);

        Assert.Equal("new|new", Read(Target));
        Assert.Empty(Fixtures.Leftovers(Target));
    }

    [Fact]
    public void A_file_where_the_folder_should_be_is_a_problem()
    {
        File.WriteAllText(Target, "not a folder");

        var opened = OutputFolder.Open(Target, _ => true);

        Assert.False(opened.Succeeded);
        Assert.Contains("is a file, not a folder", opened.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_holding_files_the_command_does_not_write_is_refused_and_kept()
    {
        Write(Target, "mine");

        var opened = OutputFolder.Open(Target, name => name == "a.txt");

        Assert.False(opened.Succeeded);
        Assert.Equal("holds b.txt, which this command does not write; outputs replace their folder whole", opened.Problems[0].Message);
        Assert.Equal("mine|mine", Read(Target));
    }

    [Fact]
    public void The_current_folder_is_refused()
    {
        var opened = OutputFolder.Open(".", _ => true);

        Assert.False(opened.Succeeded);
        Assert.Contains("is the current folder", opened.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_memory_is_recognised_inside_the_exceptions_of_parallel_work()
    {
        Assert.True(Failures.IsOutOfMemory(new AggregateException(new InvalidOperationException(), new OutOfMemoryException())));
        Assert.True(Failures.IsOutOfMemory(new InvalidOperationException("wrapped", new OutOfMemoryException())));
        Assert.False(Failures.IsOutOfMemory(new AggregateException(new InvalidOperationException())));
        Assert.Equal(
            "error: out of memory simulating 7,140 residents × 28 days (199,920 resident-days); try fewer days (--days), fewer residents (population.residents in the scenario) or a machine with more memory",
            Failures.OutOfMemory(7140, 28));
    }
}
