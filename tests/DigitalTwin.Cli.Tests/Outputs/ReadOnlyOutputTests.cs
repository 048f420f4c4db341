using DigitalTwin.TestKit;

namespace DigitalTwin.Cli.Tests.Outputs;

/// <summary>
/// An output folder that cannot be written is reported before anything is simulated: a read-only tmpfs as root
/// (root writes through file modes), a folder without write permission otherwise.
/// </summary>
public sealed class ReadOnlyOutputTests : IDisposable
{
    private readonly ScenarioBuilder _files = new();
    private string? _mount;

    public void Dispose()
    {
        if (_mount is not null)
        {
            Fixtures.Unmount(_mount);
        }
        _files.Dispose();
    }

    private static (int Code, string Out, string Error) Run(params string[] args) => Fixtures.RunTwin(args);

    private string ReadOnlyFolder()
    {
        string path = Path.Combine(_files.Directory, "read-only");
        Directory.CreateDirectory(path);
        if (Fixtures.CanMountTmpfs)
        {
            Fixtures.Mount("-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", path);
            _mount = path;
        }
        else if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }
        return path;
    }

    [ReadOnlyFolderFact]
    public void Run_reports_a_read_only_output_folder_before_simulating()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        string scenario = Fixtures.GridScenario(_files);
        string target = Path.Combine(ReadOnlyFolder(), "out");

        var (code, output, error) = Run("run", scenario, "--days", "365", "--out", target);

        Assert.Equal(TwinApp.UserError, code);
        // Nothing was imported or simulated: no map, people, "simulating" or day lines.
        Assert.Empty(output);
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {target}: cannot write the output folder: ", line, StringComparison.Ordinal);
        Assert.Matches("read-only file system|permission denied", line);
    }

    [ReadOnlyFolderFact]
    public void Compare_reports_a_read_only_report_folder_before_simulating()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        string baseline = Fixtures.GridScenario(_files);
        string variant = _files.Empty().Extends("scenario.json").Set("name", "variant").Write("variant.json");
        string target = Path.Combine(ReadOnlyFolder(), "report");

        var (code, output, error) = Run("compare", baseline, variant, "--days", "365", "--out", target);

        Assert.Equal(TwinApp.UserError, code);
        Assert.Empty(output);
        Assert.StartsWith($"error: {target}: cannot write the output folder: ", error, StringComparison.Ordinal);
    }
}
