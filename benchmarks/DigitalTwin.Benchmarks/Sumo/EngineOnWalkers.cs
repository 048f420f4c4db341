using System.Diagnostics;
using DigitalTwin.Engine;
using DigitalTwin.Engine.Encounters;
using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Population;
using DigitalTwin.Engine.Simulation;

namespace DigitalTwin.Benchmarks.Sumo;

/// <summary>
/// The engine's own work on the demand SUMO is given, from the walking trips to their encounter counts: what SUMO with
/// trajectory output and an fcd counter is set against. The trips (planned, untimed: SUMO's route file is not timed
/// either) are routed and moved by themselves, so the walkers handed to SUMO are exactly the ones timed here.
/// </summary>
internal static class EngineOnWalkers
{
    /// <summary>
    /// Times, phase by phase, on one thread: a fresh <see cref="EngineDay"/> (its route cost model; no trees yet), the
    /// route trees <paramref name="walks"/> read (<see cref="EngineDay.PrepareTrees"/>), routing and moving them
    /// (<see cref="EngineDay.Move"/>, one resident's walks after another, each departing at its planned time or when the
    /// previous walk and stay end), and the exact detector on the passages of the walkers cut out for SUMO, on one and on
    /// two threads. Each phase is timed on the second of two identical rounds, everything built afresh in each (trees,
    /// buffers, detector), so the JIT's first compilation is not counted against a native SUMO. Cutting the moved
    /// passages into SUMO's walking trips (<see cref="WalkingTrips.From"/>) is the export, not timed.
    /// </summary>
    public static EngineWalkersRun Time(Neighbourhood neighbourhood, Residents people, ulong seed, SimulationParameters parameters, List<Trip> walks)
    {
        var network = neighbourhood.Network;
        var clock = new Stopwatch();
        double setup = 0, trees = 0, move = 0;
        var moved = new TrajectoryBuffer();
        for (int round = 0; round < 2; round++)
        {
            clock.Restart();
            var engine = new EngineDay(neighbourhood, people, seed, parameters);
            setup = clock.Elapsed.TotalSeconds;
            clock.Restart();
            engine.PrepareTrees(walks);
            trees = clock.Elapsed.TotalSeconds;
            moved = new TrajectoryBuffer();
            clock.Restart();
            engine.Move(walks, 0, moved);
            move = clock.Elapsed.TotalSeconds;
        }

        var trips = WalkingTrips.From(moved, network);
        var walkers = new TrajectoryBuffer();
        foreach (var trip in trips)
        {
            foreach (int i in trip.Passages)
            {
                walkers.AddPassage(moved.GetPassage(i));
            }
        }

        var found = new EncounterBuffer();
        var detectSeconds = new double[3];
        long[] counts = new long[3];
        foreach (int threads in (int[])[1, 2])
        {
            for (int round = 0; round < 2; round++)
            {
                var detector = new ExactEncounterDetector(parameters.Encounters with { MaxThreads = threads });
                found = new EncounterBuffer();
                clock.Restart();
                detector.Detect(network, neighbourhood.Places.Count, walkers, found);
                detectSeconds[threads] = clock.Elapsed.TotalSeconds;
            }
            counts[threads] = found.Count;
        }
        if (counts[1] != counts[2])
        {
            throw new InvalidOperationException($"the detector found {counts[1]} encounters on one thread and {counts[2]} on two");
        }
        return new EngineWalkersRun(moved, trips, walkers, found, new EngineWalkersTiming
        {
            Walks = walks.Count,
            SetupSeconds = setup,
            TreesSeconds = trees,
            MoveSeconds = move,
            DetectOneThreadSeconds = detectSeconds[1],
            DetectTwoThreadsSeconds = detectSeconds[2],
        });
    }
}

/// <summary>
/// What <see cref="EngineOnWalkers.Time"/> moved (passages and stays; <see cref="WalkingTrip.Passages"/> index into it), the
/// walking trips cut from it for SUMO, their passages alone, their encounters and the timings.
/// </summary>
internal sealed record EngineWalkersRun(TrajectoryBuffer Moved, List<WalkingTrip> Trips, TrajectoryBuffer Walkers, EncounterBuffer Encounters, EngineWalkersTiming Timing);

/// <summary>Wall seconds of the engine's work on SUMO's demand, phase by phase (one thread unless named).</summary>
public sealed record EngineWalkersTiming
{
    /// <summary>The engine's walking trips routed and moved (SUMO's walking trips are these, cut where a walker stops or waits at a kerb).</summary>
    public int Walks { get; init; }

    /// <summary>A fresh <see cref="EngineDay"/>: the route cost model (arc costs per profile) and the planners it holds.</summary>
    public double SetupSeconds { get; init; }

    /// <summary>The route trees the walks read (one thread).</summary>
    public double TreesSeconds { get; init; }

    /// <summary>Routing each walk on its tree and laying its passages out (one thread).</summary>
    public double MoveSeconds { get; init; }

    public double DetectOneThreadSeconds { get; init; }

    public double DetectTwoThreadsSeconds { get; init; }

    /// <summary>From the trips to their encounter counts on one thread: setup, trees, routing and moving, the detector.</summary>
    public double OneThreadSeconds => SetupSeconds + TreesSeconds + MoveSeconds + DetectOneThreadSeconds;
}
