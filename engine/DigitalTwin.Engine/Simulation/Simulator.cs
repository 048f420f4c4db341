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

    public RunResult Run(IProgress<DayProgress>? progress = null)
    {
        var outcomes = _pipeline.Outcomes;
        for (int day = 0; day < _options.Days; day++)
        {
            _pipeline.RunDay(day);
            progress?.Report(new DayProgress(day + 1, _options.Days, outcomes.Passages, outcomes.Stays, outcomes.Encounters, outcomes.Nods));
        }
        return _pipeline.Finish();
    }
}
