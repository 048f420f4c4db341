using System.Text.Json;
using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Outcomes;
using DigitalTwin.Engine.Simulation;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Simulation;

/// <summary>
/// The same world and seed give bit-identical results on any number of threads: outcome arrays, the
/// outcomes and totals of summary.json and the whole run file. The world has 600 residents, so the simulator's
/// resident chunks (256 each) really are spread over threads.
/// </summary>
public sealed class SimulatorDeterminismTests : IDisposable
{
    private const int Days = 7;
    private const ulong Seed = 7;

    private static readonly Lazy<SimulationWorld> World = new(() => SimulationWorlds.Grid(residents: 600));

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("twin-determinism-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void The_world_is_big_enough_to_split_into_several_chunks() =>
        Assert.True(World.Value.Residents.Count > 2 * DayPipeline.ChunkSize, $"{World.Value.Residents.Count} residents");

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Outcomes_do_not_depend_on_the_thread_count(int threads)
    {
        // Hierarchies for visits come early here, so profiles switch from searches to hierarchies on different days.
        var parameters = SimulationParameters.Default with { Routing = SimulationParameters.Default.Routing with { HierarchyAfterSettledArcsPerArc = 2 } };
        var one = World.Value.Run(Days, Seed, threads: 1, parameters);
        var many = World.Value.Run(Days, Seed, threads, parameters);

        Assert.True(one.Totals.Encounters > 1000, $"only {one.Totals.Encounters} encounters: the world is too quiet to tell");
        Assert.True(one.Totals.HierarchiesBuilt > 0, "no hierarchy was built, so the switch from searches is not covered");
        Assert.Equal(one.Totals, many.Totals);
        AssertSameOutcomes(one, many);
    }

    [Fact]
    public void Run_files_and_summary_outcomes_are_byte_identical_on_one_and_four_threads()
    {
        string one = Write("one", World.Value.Run(Days, Seed, threads: 1), threads: 1, wallTimeSeconds: 1.25);
        string four = Write("four", World.Value.Run(Days, Seed, threads: 4), threads: 4, wallTimeSeconds: 0.5);

        Assert.Equal(File.ReadAllBytes(Path.Combine(one, RunWriter.RunFileName)), File.ReadAllBytes(Path.Combine(four, RunWriter.RunFileName)));
        Assert.Equal(File.ReadAllBytes(Path.Combine(one, RunWriter.EdgesFile)), File.ReadAllBytes(Path.Combine(four, RunWriter.EdgesFile)));
        Assert.Equal(File.ReadAllBytes(Path.Combine(one, RunWriter.PlacesFile)), File.ReadAllBytes(Path.Combine(four, RunWriter.PlacesFile)));
        foreach (var (table, _) in RunWriter.Tables)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(one, table)), File.ReadAllBytes(Path.Combine(four, table)));
        }
        Assert.Equal(SummarySection(one, "definitions"), SummarySection(four, "definitions"));
        foreach (string section in new[] { "outcomes", "totals" })
        {
            Assert.Equal(SummarySection(one, section), SummarySection(four, section));
        }
        // The summary differs only where it should: the thread count and wall time it reports.
        Assert.NotEqual(SummarySection(one, "threads"), SummarySection(four, "threads"));
    }

    [Fact]
    public void Pruned_day_trees_give_the_same_run_as_full_cached_trees()
    {
        // A zero tree budget forces the city regime (trees pruned to each day's trips, dropped after the day).
        var full = World.Value.Run(Days, Seed, threads: 2);
        var prunedParameters = SimulationParameters.Default with { Routing = SimulationParameters.Default.Routing with { TreeCacheBytes = 0 } };
        var pruned = World.Value.Run(Days, Seed, threads: 2, prunedParameters);

        Assert.Equal(full.Totals with { TreesBuilt = 0, TreeCacheBytes = 0 }, pruned.Totals with { TreesBuilt = 0, TreeCacheBytes = 0 });
        Assert.True(pruned.Totals.TreesBuilt > full.Totals.TreesBuilt, "pruned trees are rebuilt every day");
        AssertSameOutcomes(full, pruned);
    }

    [Fact]
    public void Visits_routed_by_hierarchies_give_the_same_run_as_one_off_searches()
    {
        // Both find least-cost routes; with perception noise no two are exactly equally cheap, so the runs match.
        var routing = SimulationParameters.Default.Routing;
        var searched = World.Value.Run(Days, Seed, threads: 2, SimulationParameters.Default with { Routing = routing with { HierarchyAfterSettledArcsPerArc = double.PositiveInfinity } });
        var early = World.Value.Run(Days, Seed, threads: 2, SimulationParameters.Default with { Routing = routing with { HierarchyAfterSettledArcsPerArc = 0 } });

        Assert.Equal(0, searched.Totals.HierarchiesBuilt);
        Assert.True(early.Totals.HierarchiesBuilt > 0, "no hierarchy was built");
        Assert.Equal(searched.Totals with { HierarchyBytes = 0, HierarchiesBuilt = 0 }, early.Totals with { HierarchyBytes = 0, HierarchiesBuilt = 0 });
        AssertSameOutcomes(searched, early);
    }

    [Theory]
    [InlineData(Days)]
    [InlineData(3)] // the replay day is the last: its events are counted and sampled before they are given back
    public void Giving_day_buffers_back_after_use_gives_the_same_run(int days)
    {
        // On a run's last day a city's day buffers are given back as soon as they are done with; 0 forces that for
        // every buffer here (events, chunk copies, node pieces, fragments, the day's encounters).
        var world = World.Value;
        var kept = world.Run(days, Seed, threads: 2);
        var released = new Simulator(world.Neighbourhood, world.Residents, SimulationParameters.Default, new RunOptions(days) { Seed = Seed, Threads = 2, KeepAcrossDaysBytes = 0 }).Run();

        Assert.Equal(kept.Totals, released.Totals);
        AssertSameOutcomes(kept, released);
    }

    [Fact]
    public void Another_seed_gives_different_but_similar_outcomes()
    {
        var world = World.Value;
        var first = world.Run(Days, seed: 1);
        var second = world.Run(Days, seed: 2);

        Assert.False(first.Residents.Encounters.AsSpan().SequenceEqual(second.Residents.Encounters), "another seed must change who meets whom");
        Assert.False(first.Streets.WalkPassages.AsSpan().SequenceEqual(second.Streets.WalkPassages), "another seed must change where people walk");
        double a = OutcomeSummary.From(first.Residents, world.Residents, Days).Overall.EncountersPerResidentPerDay;
        double b = OutcomeSummary.From(second.Residents, world.Residents, Days).Overall.EncountersPerResidentPerDay;
        Assert.InRange(b / a, 0.85, 1.15);
        // The same holds for the mode split: the seed draws who goes how, not how many.
        Assert.InRange((double)second.Totals.TripsByWalk / second.Totals.Trips / ((double)first.Totals.TripsByWalk / first.Totals.Trips), 0.9, 1.1);
    }

    private static void AssertSameOutcomes(RunResult expected, RunResult actual)
    {
        Assert.Equal(expected.Residents.Encounters, actual.Residents.Encounters);
        Assert.Equal(expected.Residents.Nods, actual.Residents.Nods);
        Assert.Equal(expected.Residents.PeopleMet, actual.Residents.PeopleMet);
        Assert.Equal(expected.Residents.FamiliarStrangers, actual.Residents.FamiliarStrangers);
        Assert.Equal(expected.Residents.NoddingContacts, actual.Residents.NoddingContacts);
        Assert.Equal(expected.Residents.Acquaintances, actual.Residents.Acquaintances);
        Assert.Equal(expected.Streets.WalkPassages, actual.Streets.WalkPassages);
        Assert.Equal(expected.Streets.BikePassages, actual.Streets.BikePassages);
        Assert.Equal(expected.Streets.CarPassages, actual.Streets.CarPassages);
        Assert.Equal(expected.Streets.Encounters, actual.Streets.Encounters);
        Assert.Equal(expected.Streets.Nods, actual.Streets.Nods);
        Assert.Equal(expected.Streets.NewFamiliarPairs, actual.Streets.NewFamiliarPairs);
        Assert.Equal(expected.Streets.PassagesByAge, actual.Streets.PassagesByAge);
        Assert.Equal(expected.Streets.EncountersByAge, actual.Streets.EncountersByAge);
        Assert.Equal(expected.Streets.NodsByAge, actual.Streets.NodsByAge);
        Assert.Equal(expected.Streets.WalkPassagesByHour, actual.Streets.WalkPassagesByHour);
        Assert.Equal(expected.Streets.BikePassagesByHour, actual.Streets.BikePassagesByHour);
        Assert.Equal(expected.Streets.CarPassagesByHour, actual.Streets.CarPassagesByHour);
        Assert.Equal(expected.Streets.StreetStops, actual.Streets.StreetStops);
        Assert.Equal(expected.Streets.FrontOfHouseSeconds, actual.Streets.FrontOfHouseSeconds);
        Assert.Equal(expected.PairEncounters, actual.PairEncounters);
        Assert.Equal(expected.Places.Stays, actual.Places.Stays);
        Assert.Equal(expected.Places.Encounters, actual.Places.Encounters);
        Assert.Equal(expected.Places.Nods, actual.Places.Nods);
        Assert.Equal(expected.Places.NewFamiliarPairs, actual.Places.NewFamiliarPairs);
        Assert.Equal(expected.Ties, actual.Ties);
        Assert.Equal(expected.Replay, actual.Replay);
        Assert.Equal(expected.ReplayStays, actual.ReplayStays);
        Assert.Equal(expected.ReplayDay, actual.ReplayDay);
    }

    private string Write(string name, RunResult result, int threads, double wallTimeSeconds)
    {
        string folder = Path.Combine(_folder.FullName, name);
        var metadata = new RunMetadata("grid", "grid.json", "0123abcd", "grid.geojson", Seed, Days, threads, wallTimeSeconds);
        var problems = RunWriter.WriteAll(folder, metadata, World.Value.Neighbourhood, World.Value.Residents, result);
        Assert.Empty(problems);
        return folder;
    }

    private static string SummarySection(string folder, string name)
    {
        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, RunWriter.SummaryFile)));
        return summary.RootElement.GetProperty(name).GetRawText();
    }
}
