using System.Diagnostics;
using DigitalTwin.Engine;
using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Scenarios;
using DigitalTwin.Engine.Simulation;
using DigitalTwin.Engine.Sweeps;

namespace DigitalTwin.Cli.Sweeps;

/// <summary>
/// Runs the unfinished runs of one slice of a manifest, one after another, and writes each run's result as it ends.
/// Slice i of n holds the runs whose position in the manifest is i modulo n, so every slice gets a share of every
/// scenario and draw. Each base scenario's map is imported once per worker and every run of it is prepared on that map.
/// </summary>
internal sealed class SweepWorker(string folder, SweepManifest manifest, int threads)
{
    private readonly Dictionary<int, (Scenario Scenario, LoadedMap Map)> _worlds = [];

    /// <summary>Called after each run this worker finished, with its wall time in seconds.</summary>
    public Action<ManifestRun, double>? Finished { get; init; }

    /// <summary>The runs of slice <paramref name="slice"/> of <paramref name="slices"/>, in manifest order.</summary>
    public static IEnumerable<ManifestRun> Slice(SweepManifest manifest, int slice, int slices) =>
        manifest.Runs.Where((_, index) => index % slices == slice);

    /// <summary>Runs what is left of the slice; the problems that stopped it (none: every run of the slice is done).</summary>
    public IReadOnlyList<InputProblem> Run(int slice, int slices, CancellationToken token)
    {
        foreach (var run in Slice(manifest, slice, slices))
        {
            if (SweepResults.TryRead(folder, manifest, run) is not null)
            {
                continue;
            }
            token.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            var world = World(run.Scenario);
            if (!world.Succeeded)
            {
                return world.Problems;
            }
            var (baseScenario, map) = world.Unwrap().Value;
            foreach (var (name, value) in manifest.ValuesOf(run))
            {
                if (SweepDefinition.ProblemWith(name, value) is { } problem)
                {
                    return [new InputProblem(SweepManifest.PathIn(folder), $"$.runs ({run.Id})", problem, "make the sweep again with this twin")];
                }
            }
            var scenario = SweepDefinition.Apply(baseScenario, manifest.ValuesOf(run), run.Seed, manifest.Days);
            var prepared = PreparedScenario.Prepare(scenario, map);
            if (!prepared.Succeeded)
            {
                return prepared.Problems;
            }
            var people = prepared.Unwrap();
            if (manifest.CountSegments.Any(s => s >= people.Neighbourhood.Network.SegmentCount))
            {
                return [new InputProblem(SweepManifest.PathIn(folder), "$.countSegments", "names segments the scenario's street network does not have", "make the calibration again with this scenario")];
            }
            var result = new Simulator(people.Neighbourhood, people.Residents, people.Parameters,
                new RunOptions(manifest.Days) { Seed = run.Seed, Threads = threads }).Run(null, token);
            var problems = SweepResults.Write(folder, manifest, run, SweepResults.Outcomes(result, people.Residents, manifest.Days), clock.Elapsed.TotalSeconds, result.Streets);
            if (problems.Count > 0)
            {
                return problems;
            }
            Finished?.Invoke(run, clock.Elapsed.TotalSeconds);
        }
        return [];
    }

    private InputResult<Holder> World(int index)
    {
        if (_worlds.TryGetValue(index, out var known))
        {
            return InputResult<Holder>.Success(new Holder(known));
        }
        var entry = manifest.Scenarios[index];
        // The scenario is named by the manifest, under the data root the sweep was made with.
        var loaded = ScenarioLoader.Load(entry.Path, Inputs.DataRootOption.Inputs(entry.DataRoot));
        if (!loaded.Succeeded)
        {
            return InputResult<Holder>.Failure(loaded.Problems);
        }
        var scenario = loaded.Unwrap();
        // The manifest promises runs of these very files: a scenario, parent or map edited since would mix two sweeps in one table.
        if (PreparedScenario.ContentHash(scenario) != entry.ContentHash)
        {
            return InputResult<Holder>.Failure(new InputProblem(entry.Path, string.Empty,
                "has changed since the sweep's manifest was written (the scenario, a scenario it extends, or its map)",
                "make a new sweep folder for the new version, or put the old files back"));
        }
        var map = PreparedScenario.LoadMap(scenario);
        if (!map.Succeeded)
        {
            return InputResult<Holder>.Failure(map.Problems);
        }
        _worlds[index] = (scenario, map.Unwrap());
        return InputResult<Holder>.Success(new Holder(_worlds[index]));
    }

    /// <summary>A box for the tuple: <see cref="InputResult{T}"/> holds classes.</summary>
    private sealed record Holder((Scenario Scenario, LoadedMap Map) Value);
}
