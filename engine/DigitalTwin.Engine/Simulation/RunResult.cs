using DigitalTwin.Engine.Familiarity;
using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Outcomes;

namespace DigitalTwin.Engine.Simulation;

/// <summary>Totals of a run, for the summary and for speed figures (events = passages + stays).</summary>
public sealed record RunTotals
{
    public int Days { get; init; }

    public int Residents { get; init; }

    public long Trips { get; init; }

    public long TripsByWalk { get; init; }

    public long TripsByBike { get; init; }

    public long TripsByCar { get; init; }

    /// <summary>Walks to or from a transit stop on a public-transport tour (part of <see cref="TripsByWalk"/>; a survey counts each as a transit trip).</summary>
    public long TripsByTransit { get; init; }

    /// <summary>Trips of residents aged 6 and over (the travel survey's population).</summary>
    public long TripsAgedSixPlus { get; init; }

    /// <summary>Walks home from a dog walk (a survey counts a round walk as one trip).</summary>
    public long RoundWalkReturns { get; init; }

    /// <summary>Residents aged 6 and over.</summary>
    public int ResidentsAgedSixPlus { get; init; }

    public long UnroutableTrips { get; init; }

    public double WalkedKilometres { get; init; }

    /// <summary>Trips of residents aged 6+ counted as a travel survey does, by <see cref="TravelByDistance.IndexOf"/>.</summary>
    public SurveyedTripCounts SurveyedTrips { get; init; } = SurveyedTripCounts.None;

    public long Passages { get; init; }

    public long CarPassages { get; init; }

    public long Stays { get; init; }

    /// <summary>Encounters within social distance: two people passing, walking alongside or staying near each other.</summary>
    public long Encounters { get; init; }

    /// <summary>Encounters in which the two noticed each other (<see cref="Encounters.AttentionModel"/>); only these can become nods.</summary>
    public long NoticedEncounters { get; init; }

    public long SameHouseholdEncounters { get; init; }

    public long Nods { get; init; }

    public long TreesBuilt { get; init; }

    /// <summary>The most the route trees held after a day's moves (kept full trees and the day's pruned trees).</summary>
    public long TreeCacheBytes { get; init; }

    /// <summary>Contraction hierarchies built for visits' routes (see <c>ArcHierarchyCache</c>), and their bytes.</summary>
    public int HierarchiesBuilt { get; init; }

    public long HierarchyBytes { get; init; }

    public long FamiliarityBytes { get; init; }

    public int Pairs { get; init; }
}

/// <summary>A sampled trajectory piece for replay: one passage of one sampled resident on the replay day.</summary>
public readonly record struct ReplayPassage(int Resident, int Segment, float FromOffsetMetres, float ToOffsetMetres, float EntrySeconds, float ExitSeconds, byte Mode);

/// <summary>An encounter of a sampled resident on the replay day, so a replay can show where and when people met.</summary>
public readonly record struct ReplayEncounter(int Segment, float PositionMetres, int Place, float StartSeconds, float DurationSeconds);

/// <summary>Everything a run produced: outcomes per resident, street and place, the ties, and a replay sample.</summary>
public sealed record RunResult(
    RunTotals Totals,
    ResidentOutcomes Residents,
    StreetOutcomes Streets,
    PlaceOutcomes Places,
    IReadOnlyList<Tie> Ties,
    IReadOnlyList<ReplayPassage> Replay,
    IReadOnlyList<Stay> ReplayStays,
    int ReplayDay)
{
    /// <summary>Wall-clock seconds spent in each <see cref="RunPhase"/>, for speed reports only (never in outputs that must be reproducible).</summary>
    public IReadOnlyDictionary<RunPhase, double> PhaseSeconds { get; init; } = new Dictionary<RunPhase, double>();

    /// <summary>The replay sample's encounters on the replay day (either person in the sample).</summary>
    public IReadOnlyList<ReplayEncounter> ReplayEncounters { get; init; } = [];

    /// <summary>Every encounter of a sample of pairs that met on at least 2 days (see <see cref="RepeatedPairSample"/>).</summary>
    public IReadOnlyList<PairEncounter> PairEncounters { get; init; } = [];
}

/// <summary>Progress after each simulated day, for the command line's progress display.</summary>
public readonly record struct DayProgress(int Day, int Days, long Passages, long Stays, long Encounters, long Nods);
