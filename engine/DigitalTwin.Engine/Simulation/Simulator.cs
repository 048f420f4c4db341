using DigitalTwin.Engine.Population;

namespace DigitalTwin.Engine.Simulation;

/// <summary>Runs residents through the days of a run (<see cref="DayPipeline"/>, day after day) and reports progress.</summary>
public sealed class Simulator
{
    private readonly DayPipeline _pipeline;
    private readonly RunOptions _options;

    public Simulator(Neighbourhood neighbourhood, Residents residents, SimulationParameters parameters, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _pipeline = new DayPipeline(neighbourhood, residents, parameters, options);
    }

    /// <summary>
    /// Simulates every day. <paramref name="cancellationToken"/> is looked at between days, where stopping leaves no
    /// half-done phase behind: cancelled, the run throws <see cref="OperationCanceledException"/> and returns nothing.
    /// </summary>
    public RunResult Run(IProgress<DayProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var outcomes = _pipeline.Outcomes;
        for (int day = 0; day < _options.Days; day++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _pipeline.RunDay(day);
            progress?.Report(new DayProgress(day + 1, _options.Days, outcomes.Passages, outcomes.Stays, outcomes.Encounters, outcomes.Nods));
        }
        return _pipeline.Finish();
    }
}
