using System.Globalization;
using System.Text;
using DigitalTwin.Cli.Tests.Outputs;
using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Network;
using DigitalTwin.TestKit;
using Xunit.Abstractions;

namespace DigitalTwin.Cli.Tests.Reliability;

/// <summary>
/// A corpus of hostile inputs per kind (scenario files, OSM XML maps, GeoJSON maps, run files), each made from a valid
/// file by a seeded mutation: flipped bits, cuts, overwritten stretches and tokens a user or a broken tool writes
/// (NaN, 1e400, -1, nulls, deep nesting, an XML entity bomb, a crs, invalid UTF-8). Every input goes through the
/// command a user would run; the outcome is counted as accepted (exit 0), a clean error (exit 1, one message, no
/// library text), an internal error (exit 2, an escaped exception, or exit 1 with an exception's or a library's own
/// words), a hang (no answer within 20 s), a half-written output (a failed command leaving its output file or a
/// staging file) or an echo (a message quoting a file that lies outside the scenario's data root). The test fails on
/// any of the last four. Besides the mutations, the scenario paths row points each path field at files outside the
/// scenario's folder (<c>../</c>, absolute, through a link, <c>/etc/passwd</c>, <c>/dev/zero</c>). The README's reliability table is this test's table:
/// DIGITALTWIN_RELIABILITY_TABLE=FILE writes it, DIGITALTWIN_HOSTILE_INPUTS=N tries N inputs per kind (default 60)
/// for a longer run on demand, DIGITALTWIN_HOSTILE_SEED=S another corpus, DIGITALTWIN_HOSTILE_KEEP=DIR keeps what failed.
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper log) : IDisposable
{
    private readonly ScenarioBuilder _files = new();

    public void Dispose() => _files.Dispose();

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static int InputsPerKind => int.TryParse(Environment.GetEnvironmentVariable("DIGITALTWIN_HOSTILE_INPUTS"), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : 60;

    private static int CorpusSeed => int.TryParse(Environment.GetEnvironmentVariable("DIGITALTWIN_HOSTILE_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out int s) ? s : 18;

    /// <summary>Words that are a library's or the runtime's, not ours: a user cannot act on them.</summary>
    private static readonly string[] LibraryWords =
        ["Exception", "   at ", "stackoverflow", "(Parameter '", "System.", "BytePositionInLine", "DtdProcessing", "chksum", "Nullable`1"];

    /// <summary>Tokens put in place of a value or between two: what broken tools, hand edits and attackers write.</summary>
    private static readonly string[] Tokens =
    [
        "NaN", "1e400", "-1", "-0", "null", "\"\"", "[]", "{}", "\"\\u0000\"", "999", "95", "-999999999999999999999", "true",
        "\"" + new string('x', 70_000) + "\"", new string('[', 5_000) + new string(']', 5_000), "\"../../../../etc/passwd\"",
        "\"/dev/zero\"", "\"\\ud800\"", "0.000000000000000000000001", "1.7976931348623157e308", "\"GM0344\"", "{\"a\":",
        "\"../secret.json\"", "\"link.json\"", "\"/etc/passwd\"",
        "<!DOCTYPE osm [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>",
        "&c;", "lat=\"95\"", "lon=\"NaN\"", "id=\"-1\"", "ref=\"999999\"", "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:28992\"}},",
    ];

    private enum Outcome
    {
        Accepted,
        CleanError,
        InternalError,
        Hang,
        HalfWritten,
        Echoed,
    }

    /// <summary>Planted outside the scenario's folder (secret.json, secret.csv): no message may quote it.</summary>
    private const string Canary = "CANARY-5e1f";

    private sealed record Kind(string Name, string Command, int Tried, Dictionary<Outcome, int> Counts, List<string> Failures);

    [Fact]
    public void Hostile_inputs_of_every_kind_end_in_a_result_or_a_clean_error()
    {
        var kinds = new[]
        {
            Try("scenario file", "twin validate scenario.json", ScenarioSeed(), "scenario.json", path => Twin("validate", path)),
            Try("scenario paths", "twin validate scenario.json", PathEscapes(), "scenario.json", path => Twin("validate", path)),
            Try("OSM XML map", "twin network map.osm --geojson out.geojson", OsmSeed(), "map.osm", path => Twin("network", path, "--geojson", OutputFile)),
            Try("GeoJSON map", "twin network map.geojson --geojson out.geojson", GeoJsonSeed(), "map.geojson", path => Twin("network", path, "--geojson", OutputFile)),
            Try("run file", "twin render run.msgpack (RunFile.Read)", RunFileSeed(), "run.msgpack", ReadRunFile),
        };

        string table = Table(kinds);
        log.WriteLine(table);
        if (Environment.GetEnvironmentVariable("DIGITALTWIN_RELIABILITY_TABLE") is { Length: > 0 } tablePath)
        {
            File.WriteAllText(tablePath, table);
        }
        var failures = kinds.SelectMany(k => k.Failures.Take(5).Select(f => $"{k.Name}: {f}")).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // The corpus is hostile, not hopeless: each kind has inputs the command refuses cleanly.
        Assert.All(kinds, k => Assert.True(k.Counts[Outcome.CleanError] > 0, $"{k.Name}: no clean errors"));
        // No path out of the data root is taken, whichever field names it and however it is written.
        Assert.Equal(0, kinds.Single(k => k.Name == "scenario paths").Counts[Outcome.Accepted]);
    }

    private string OutputFile => Path.Combine(_files.Directory, "out", "network.geojson");

    private Kind Try(string name, string command, byte[] seed, string fileName, Func<string, (int Code, string Error)> run)
    {
        var random = new Random(CorpusSeed + name.Length);
        return Try(name, command, [.. Enumerable.Range(0, InputsPerKind).Select(_ => Mutate(seed, random))], fileName, run);
    }

    private Kind Try(string name, string command, IReadOnlyList<(string How, byte[] Bytes)> inputs, string fileName, Func<string, (int Code, string Error)> run)
    {
        var counts = Enum.GetValues<Outcome>().ToDictionary(o => o, _ => 0);
        var failures = new List<string>();
        string folder = Path.Combine(_files.Directory, "in");
        Directory.CreateDirectory(folder);
        Directory.CreateDirectory(Path.Combine(_files.Directory, "out"));
        foreach (var (how, bytes) in inputs)
        {
            string path = Path.Combine(folder, fileName);
            File.WriteAllBytes(path, bytes);
            if (File.Exists(OutputFile))
            {
                File.Delete(OutputFile);
            }
            var outcome = Classify(() => run(path), out string detail);
            if (outcome is not (Outcome.Accepted or Outcome.CleanError))
            {
                Keep(bytes, fileName, failures.Count);
                counts[outcome]++;
                failures.Add($"{how}: {outcome}: {detail}");
                continue;
            }
            bool leftOutput = outcome == Outcome.CleanError && File.Exists(OutputFile);
            bool leftStaging = Directory.EnumerateFileSystemEntries(Path.Combine(_files.Directory, "out")).Concat(Directory.EnumerateFileSystemEntries(folder))
                .Any(e => Path.GetFileName(e).StartsWith('.') || e.Contains(".partial", StringComparison.Ordinal) || e.EndsWith(".tmp", StringComparison.Ordinal));
            if (leftOutput || leftStaging)
            {
                counts[Outcome.HalfWritten]++;
                failures.Add($"{how}: half-written output");
                foreach (string entry in Directory.EnumerateFileSystemEntries(Path.Combine(_files.Directory, "out")))
                {
                    File.Delete(entry);
                }
                continue;
            }
            counts[outcome]++;
        }
        return new Kind(name, command, inputs.Count, counts, failures);
    }

    /// <summary>DIGITALTWIN_HOSTILE_KEEP=DIR keeps each input that failed, to reproduce it with the twin command in the table.</summary>
    private static void Keep(byte[] bytes, string fileName, int index)
    {
        if (Environment.GetEnvironmentVariable("DIGITALTWIN_HOSTILE_KEEP") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, $"{index:D3}-{fileName}"), bytes);
        }
    }

    private static Outcome Classify(Func<(int Code, string Error)> run, out string detail)
    {
        var task = Task.Run(() =>
        {
            try
            {
                return run();
            }
#pragma warning disable CA1031 // An escaped exception of any type is the finding, counted as an internal error.
            catch (Exception e)
#pragma warning restore CA1031
            {
                return (-1, e.ToString());
            }
        });
        if (!task.Wait(Patience))
        {
            detail = "no answer within " + Patience.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s";
            return Outcome.Hang;
        }
        var (code, error) = task.Result;
        detail = error.Length > 1500 ? error[..1500] : error;
        if (error.Contains(Canary, StringComparison.Ordinal))
        {
            return Outcome.Echoed;
        }
        return code switch
        {
            TwinApp.Success => Outcome.Accepted,
            TwinApp.UserError when error.Trim().Length > 0 && !LibraryWords.Any(w => error.Contains(w, StringComparison.Ordinal)) => Outcome.CleanError,
            _ => Outcome.InternalError,
        };
    }

    /// <summary>With --verbose, so an internal error's stack trace is in the failure; a clean error prints the same either way.</summary>
    private static (int Code, string Error) Twin(params string[] args)
    {
        var (code, _, error) = Fixtures.RunTwin([.. args, "--verbose"]);
        return (code, error);
    }

    private static (int Code, string Error) ReadRunFile(string path)
    {
        var read = RunFile.Read(path);
        return read.Succeeded ? (TwinApp.Success, string.Empty) : (TwinApp.UserError, string.Join("\n", read.Problems));
    }

    /// <summary>One seeded mutation of a valid file, and what it did.</summary>
    private static (string How, byte[] Bytes) Mutate(byte[] seed, Random random)
    {
        var bytes = (byte[])seed.Clone();
        switch (random.Next(5))
        {
            case 0:
            {
                int flips = random.Next(1, 9);
                for (int f = 0; f < flips; f++)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                }
                return ($"{flips} bits flipped", bytes);
            }
            case 1:
            {
                int length = random.Next(bytes.Length);
                return ($"cut to {length} bytes", bytes[..length]);
            }
            case 2:
            {
                int at = random.Next(bytes.Length), length = Math.Min(random.Next(1, 64), bytes.Length - at);
                random.NextBytes(bytes.AsSpan(at, length));
                return ($"{length} bytes at {at} overwritten", bytes);
            }
            default:
            {
                // A token in place of a value (after a ':', '=' or '"'), or inserted anywhere.
                string token = Tokens[random.Next(Tokens.Length)];
                byte[] inserted = Encoding.UTF8.GetBytes(token);
                int at = random.Next(bytes.Length);
                int end = at;
                while (end < bytes.Length && end - at < 24 && bytes[end] is not ((byte)',' or (byte)'}' or (byte)']' or (byte)' ' or (byte)'/'))
                {
                    end++;
                }
                bool replace = random.Next(2) == 0;
                byte[] result = [.. bytes[..at], .. inserted, .. bytes[(replace ? end : at)..]];
                return ($"'{(token.Length > 30 ? token[..30] + "…" : token)}' {(replace ? "in place of" : "inserted at")} byte {at}", result);
            }
        }
    }

    private byte[] ScenarioSeed()
    {
        // The scenario is mutated beside a readable map, so what is tried is the scenario reader, not a missing map;
        // outside its folder (its data root) lie files a path in it may try to reach.
        string path = Fixtures.GridScenario(_files);
        string folder = Path.Combine(_files.Directory, "in");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(_files.Directory, "map.geojson"), Path.Combine(folder, "map.geojson"), overwrite: true);
        _files.WriteText("secret.json", $"{{\"name\": \"{Canary}\", \"days\": \"{Canary}\", \"map\": \"{Canary}.osm\"}}");
        _files.WriteText("secret.csv", $"gwb_code,a_inw\n{Canary},1\n");
        foreach (var (link, target) in new[] { ("link.json", "secret.json"), ("link.csv", "secret.csv") })
        {
            if (!File.Exists(Path.Combine(folder, link)))
            {
                File.CreateSymbolicLink(Path.Combine(folder, link), Path.Combine(_files.Directory, target));
            }
        }
        if (!Directory.Exists(Path.Combine(folder, "up")))
        {
            Directory.CreateSymbolicLink(Path.Combine(folder, "up"), _files.Directory);
        }
        return File.ReadAllBytes(path);
    }

    /// <summary>The seed scenario with one path field pointing outside its folder, each field × each way out.</summary>
    private List<(string How, byte[] Bytes)> PathEscapes()
    {
        var seed = System.Text.Json.Nodes.JsonNode.Parse(ScenarioSeed())!.AsObject();
        string[] ways = ["../secret", Path.Combine(_files.Directory, "secret"), "link", "up/secret", "./../in/../secret", "/etc/passwd", "/dev/zero", "../../../../../../../../etc/hostname"];
        var inputs = new List<(string How, byte[] Bytes)>();
        foreach (string field in new[] { "extends", "map", "observations", "population.cbs.file" })
        {
            foreach (string way in ways)
            {
                string path = way.StartsWith("/etc", StringComparison.Ordinal) || way.StartsWith("/dev", StringComparison.Ordinal) || way.EndsWith("hostname", StringComparison.Ordinal)
                    ? way
                    : way + (field == "population.cbs.file" ? ".csv" : ".json");
                var scenario = seed.DeepClone().AsObject();
                if (field == "population.cbs.file")
                {
                    scenario["population"] = new System.Text.Json.Nodes.JsonObject { ["cbs"] = new System.Text.Json.Nodes.JsonObject { ["file"] = path, ["gwbCode"] = "BU00010001" } };
                }
                else
                {
                    scenario[field] = path;
                }
                inputs.Add(($"{field}: {path}", Encoding.UTF8.GetBytes(scenario.ToJsonString())));
            }
        }
        return inputs;
    }

    private static byte[] OsmSeed()
    {
        var osm = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\" generator=\"hand\">\n");
        for (int row = 0; row < 4; row++)
        {
            for (int column = 0; column < 4; column++)
            {
                osm.Append(CultureInfo.InvariantCulture, $"  <node id=\"{(row * 4) + column + 1}\" lat=\"{52.0 + (row * 0.001):0.000}\" lon=\"{4.37 + (column * 0.0015):0.0000}\"/>\n");
            }
        }
        osm.Append("  <node id=\"100\" lat=\"52.0005\" lon=\"4.3707\"><tag k=\"addr:housenumber\" v=\"1\"/><tag k=\"amenity\" v=\"cafe\"/></node>\n");
        int way = 1000;
        for (int row = 0; row < 4; row++)
        {
            osm.Append(CultureInfo.InvariantCulture, $"  <way id=\"{way++}\">{string.Concat(Enumerable.Range(0, 4).Select(c => $"<nd ref=\"{(row * 4) + c + 1}\"/>"))}<tag k=\"highway\" v=\"residential\"/><tag k=\"name\" v=\"Row {row}\"/></way>\n");
        }
        for (int column = 0; column < 4; column++)
        {
            osm.Append(CultureInfo.InvariantCulture, $"  <way id=\"{way++}\">{string.Concat(Enumerable.Range(0, 4).Select(r => $"<nd ref=\"{(r * 4) + column + 1}\"/>"))}<tag k=\"highway\" v=\"footway\"/></way>\n");
        }
        osm.Append("</osm>\n");
        return Encoding.UTF8.GetBytes(osm.ToString());
    }

    private byte[] GeoJsonSeed()
    {
        string path = Path.Combine(_files.Directory, "seed.geojson");
        Assert.True(GeoJsonExporter.WriteNeighbourhood(NetworkGenerator.Grid(3, 3), path).Succeeded);
        return File.ReadAllBytes(path);
    }

    private byte[] RunFileSeed()
    {
        string folder = Path.Combine(_files.Directory, "seed-run");
        var (code, _, error) = Fixtures.RunTwin("run", Fixtures.GridScenario(_files), "--days", "1", "--out", folder);
        Assert.True(code == TwinApp.Success, error);
        return File.ReadAllBytes(Path.Combine(folder, RunWriter.RunFileName));
    }

    private static string Table(IEnumerable<Kind> kinds)
    {
        var table = new StringBuilder();
        table.AppendLine("| input kind | command | tried | accepted | clean errors | internal errors | hangs | half-written outputs | echoed outside files |");
        table.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var k in kinds)
        {
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {k.Name} | `{k.Command}` | {k.Tried} | {k.Counts[Outcome.Accepted]} | {k.Counts[Outcome.CleanError]} | {k.Counts[Outcome.InternalError]} | {k.Counts[Outcome.Hang]} | {k.Counts[Outcome.HalfWritten]} | {k.Counts[Outcome.Echoed]} |");
        }
        return table.ToString();
    }
}
