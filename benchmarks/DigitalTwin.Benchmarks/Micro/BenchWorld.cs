using DigitalTwin.Benchmarks.Scale;
using DigitalTwin.Engine.Mobility;

namespace DigitalTwin.Benchmarks.Micro;

/// <summary>
/// The inputs the micro-benchmarks share: a synthetic city of 10,000 residents and one simulated day of it
/// (its trips, route trees and passages), built once per process in the benchmarks' global setup.
/// </summary>
internal sealed class BenchWorld
{
    public const int Residents = 10_000;
    public const ulong Seed = 1;

    private static readonly Lazy<BenchWorld> Shared = new(() => new BenchWorld());

    private BenchWorld()
    {
        var (neighbourhood, residents) = SyntheticCity.Build(Residents, Seed);
        Day = new EngineDay(neighbourhood, residents, Seed);
        Trips = Day.PlanTrips(0);
        Day.PrepareTrees(Trips);
        Trajectories = new TrajectoryBuffer();
        Day.Move(Trips, 0, Trajectories);
    }

    public static BenchWorld Instance => Shared.Value;

    public EngineDay Day { get; }

    public List<Trip> Trips { get; }

    public TrajectoryBuffer Trajectories { get; }
}
