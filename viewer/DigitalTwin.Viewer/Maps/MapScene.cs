using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Outcomes;
using DigitalTwin.Viewer.Rendering;

namespace DigitalTwin.Viewer.Maps;

/// <summary>
/// What the map shows, apart from how it is drawn: the run (and a baseline for differences), the chosen measure and
/// period, each street's value, the scale, and the colour of each street. The renderer reads it; nothing here
/// touches OpenGL.
/// </summary>
public sealed class MapScene
{
    private Measure _measure;
    private PeriodFilter _period;
    private GroupFilter _group;
    private bool _difference;

    public MapScene(RunFile run, RunFile? baseline = null, bool awaitingResults = false)
    {
        AwaitingResults = awaitingResults;
        ArgumentNullException.ThrowIfNull(run);
        if (baseline is not null && !SegmentValues.SameNetwork(run, baseline))
        {
            throw new ArgumentException("the baseline run has a different street network from the run", nameof(baseline));
        }
        Run = run;
        Baseline = baseline;
        Geometry = new MapGeometry(run);
        _difference = baseline is not null;
        Update();
    }

    /// <summary>
    /// A difference over replications: <paramref name="runs"/>[r] against <paramref name="baselines"/>[r], the pairs
    /// run with the same seed (common random numbers), at least two. Streets and places are coloured by the mean
    /// difference, and the streets whose difference stays within the noise for the shown measure, period and group
    /// (paired over the replications, all segments tested together, <see cref="FalseDiscovery"/>) are greyed out.
    /// The first pair gives the map, names and places.
    /// </summary>
    public MapScene(IReadOnlyList<RunFile> runs, IReadOnlyList<RunFile> baselines)
        : this(FirstOf(runs, baselines).Run, FirstOf(runs, baselines).Baseline)
    {
        for (int r = 1; r < runs.Count; r++)
        {
            if (!SegmentValues.SameNetwork(runs[r], Run) || !SegmentValues.SameNetwork(baselines[r], Run))
            {
                throw new ArgumentException($"replication {r} has a different street network from the first", nameof(runs));
            }
        }
        _replicatedRuns = runs;
        _replicatedBaselines = baselines;
        Update();
    }

    private static (RunFile Run, RunFile Baseline) FirstOf(IReadOnlyList<RunFile> runs, IReadOnlyList<RunFile> baselines)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(baselines);
        if (runs.Count != baselines.Count || runs.Count < 2)
        {
            throw new ArgumentException($"a difference over replications needs as many baselines as runs, at least 2; got {runs.Count} and {baselines.Count}", nameof(baselines));
        }
        return (runs[0], baselines[0]);
    }

    private readonly IReadOnlyList<RunFile>? _replicatedRuns;
    private readonly IReadOnlyList<RunFile>? _replicatedBaselines;

    /// <summary>How many pairs the difference view averages: the replications of a scene over replications, else 1.</summary>
    public int AveragedReplications => _replicatedRuns?.Count ?? 1;

    /// <summary>A scene of street categories (<see cref="CategoryLayer"/>) on the streets of <paramref name="map"/>, which may hold the map only.</summary>
    public MapScene(RunFile map, CategoryLayer layer)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(layer);
        if (layer.SegmentCategory.Length != map.SegmentCount)
        {
            throw new ArgumentException("the layer has another number of segments than the map", nameof(layer));
        }
        Run = map;
        Layer = layer;
        Geometry = new MapGeometry(map);
        Update();
    }

    public RunFile Run { get; }

    /// <summary>Street categories shown instead of a measure; null for a heat map.</summary>
    public CategoryLayer? Layer { get; }

    /// <summary>
    /// The run holds the map only and is still being simulated: streets are drawn in one neutral colour and without a
    /// legend, since a map of zeros would tell a resident that nobody walks anywhere.
    /// </summary>
    public bool AwaitingResults { get; }

    /// <summary>The colour of every street while <see cref="AwaitingResults"/>.</summary>
    public static Rgba AwaitingColour { get; } = new(105, 110, 122);

    public RunFile? Baseline { get; }

    public MapGeometry Geometry { get; }

    public Measure Measure
    {
        get => _measure;
        set
        {
            _measure = value;
            Update();
        }
    }

    public PeriodFilter Period
    {
        get => _period;
        set
        {
            _period = value;
            Update();
        }
    }

    /// <summary>Whose movements and meetings are counted (a group only where the run file has counts by age).</summary>
    public GroupFilter Group
    {
        get => _group;
        set
        {
            _group = value;
            Update();
        }
    }

    /// <summary>The group actually shown: everyone when the measure or the run file has no counts by age.</summary>
    public GroupFilter ShownGroup => SegmentValues.CanFilter(Run, _measure) ? _group : GroupFilter.Everyone;

    /// <summary>Whether the map shows run minus baseline (only possible with a baseline).</summary>
    public bool ShowDifference
    {
        get => _difference;
        set
        {
            _difference = value && Baseline is not null;
            Update();
        }
    }

    /// <summary>
    /// Which segments' differences are beyond the noise (paired across replications, all segments tested together): a
    /// co-creation session run with two or more replications sets it (<see cref="MarkBeyondNoise"/>), a scene over
    /// replications computes it. Null colours every difference; a mask greys out the segments it marks false in the
    /// difference view. It must come from replications, never from one pair of runs.
    /// </summary>
    public bool[]? SignificantSegments { get; private set; }

    /// <summary>How many replications the mask was tested over (0 without a mask): the legend says so beside the grey.</summary>
    public int SignificanceReplications { get; private set; }

    /// <summary>Sets (or with null clears) the mask of <see cref="SignificantSegments"/>, tested over that many replications.</summary>
    public void MarkBeyondNoise(bool[]? beyondNoise, int replications)
    {
        if (beyondNoise is not null && beyondNoise.Length != Run.SegmentCount)
        {
            throw new ArgumentException("the mask needs one entry per segment", nameof(beyondNoise));
        }
        if (beyondNoise is not null && replications < 2)
        {
            throw new ArgumentException("a mask needs at least 2 replications to be tested over", nameof(replications));
        }
        SignificantSegments = beyondNoise;
        SignificanceReplications = beyondNoise is null ? 0 : replications;
        Update();
    }

    /// <summary>A difference within noise: the neutral grey of "no change", a little darker, so it reads as "not shown".</summary>
    public static Rgba NotSignificantColour { get; } = new(70, 72, 78);

    /// <summary>Each street's value in the measure's unit (a difference when <see cref="ShowDifference"/>).</summary>
    public float[] Values { get; private set; } = [];

    public HeatScale Scale { get; private set; } = HeatScale.ForValues([]);

    public ColourMap ColourMap => _difference ? ColourMap.Diverging : ColourMap.Viridis;

    public Rgba[] SegmentColours { get; private set; } = [];

    /// <summary>
    /// Each place's value (<see cref="PlaceValues"/>: visits, encounters, nods or new pairs a day there), a difference
    /// when <see cref="PlaceDifference"/>; empty while awaiting results or for a category layer.
    /// </summary>
    public float[] PlaceHeat { get; private set; } = [];

    /// <summary>Whether places show run minus baseline (only when both runs have the same places).</summary>
    public bool PlaceDifference { get; private set; }

    /// <summary>The places' own scale: a place and a street are not counted in the same unit.</summary>
    public HeatScale PlaceScale { get; private set; } = HeatScale.ForValues([]);

    /// <summary>Each place's symbol fill: its heat colour, or the plain place colour where there is no heat to show.</summary>
    public Rgba[] PlaceColours { get; private set; } = [];

    /// <summary>Segments in drawing order: quiet first, so where streets overlap at junctions the busier one shows.</summary>
    public int[] DrawOrder { get; private set; } = [];

    /// <summary>Changes whenever the colours or order change, so the renderer knows when to upload them again.</summary>
    public int Version { get; private set; }

    private void Update()
    {
        if (Layer is not null)
        {
            ShowLayer(Layer);
            return;
        }
        if (_difference && _replicatedRuns is not null)
        {
            Values = ReplicatedDifference();
        }
        else
        {
            Values = _difference
                ? SegmentValues.Difference(Run, Baseline!, _measure, _period, _group)
                : SegmentValues.Compute(Run, _measure, _period, _group);
        }
        // With a mask the colours span the changes beyond the noise only, so a resolved change is not drawn pale
        // beside a larger one that is noise; the greyed streets come first in the drawing order, under the coloured.
        bool[]? beyond = _difference ? SignificantSegments : null;
        float[] scaled = beyond is not null && beyond.Contains(true) ? [.. Values.Where((_, s) => beyond[s])] : Values;
        Scale = _difference ? HeatScale.ForDifferences(scaled) : HeatScale.ForValues(Values);
        var map = ColourMap;
        var colours = new Rgba[Values.Length];
        var keys = new float[Values.Length];
        for (int s = 0; s < Values.Length; s++)
        {
            bool noise = beyond is not null && !beyond[s];
            colours[s] = AwaitingResults ? AwaitingColour
                : noise ? NotSignificantColour
                : map.At(Scale.Position(Values[s]));
            keys[s] = noise ? -1 : _difference ? Math.Abs(Values[s]) : Values[s];
        }
        var order = new int[Values.Length];
        for (int s = 0; s < order.Length; s++)
        {
            order[s] = s;
        }
        // Stable order for equal keys (by segment index) so the picture does not depend on the sort's whims.
        Array.Sort(order, (a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
        SegmentColours = colours;
        DrawOrder = order;
        UpdatePlaces(map);
        Version++;
    }

    /// <summary>
    /// The mean over the replications of each pair's difference, and the mask of the segments whose paired difference
    /// is beyond the noise for the shown measure, period and group.
    /// </summary>
    private float[] ReplicatedDifference()
    {
        var runs = _replicatedRuns!;
        var baselines = _replicatedBaselines!;
        var after = new double[runs.Count][];
        var before = new double[runs.Count][];
        var mean = new float[Run.SegmentCount];
        for (int r = 0; r < runs.Count; r++)
        {
            after[r] = Array.ConvertAll(SegmentValues.Compute(runs[r], _measure, _period, _group), v => (double)v);
            before[r] = Array.ConvertAll(SegmentValues.Compute(baselines[r], _measure, _period, _group), v => (double)v);
            for (int s = 0; s < mean.Length; s++)
            {
                mean[s] += (float)((after[r][s] - before[r][s]) / runs.Count);
            }
        }
        SignificantSegments = FalseDiscovery.PairedDiscoveries(before, after);
        SignificanceReplications = runs.Count;
        return mean;
    }

    private void UpdatePlaces(ColourMap map)
    {
        var run = Run;
        if (AwaitingResults)
        {
            PlaceHeat = [];
            PlaceDifference = false;
            PlaceColours = PlainPlaceColours(run);
            return;
        }
        IReadOnlyList<RunFile> runs = _difference && _replicatedRuns is not null ? _replicatedRuns : [run];
        IReadOnlyList<RunFile> baselines = _difference && _replicatedBaselines is not null ? _replicatedBaselines : [Baseline ?? run];
        PlaceDifference = _difference && runs.Zip(baselines).All(pair => PlaceValues.SamePlaces(pair.First, pair.Second) && PlaceValues.SamePlaces(pair.First, run));
        var heat = PlaceDifference ? new float[run.PlaceCount] : PlaceValues.Compute(run, _measure, _period);
        if (PlaceDifference)
        {
            // The mean over the replications of each pair's difference (one pair without replications).
            for (int r = 0; r < runs.Count; r++)
            {
                var after = PlaceValues.Compute(runs[r], _measure, _period);
                var before = PlaceValues.Compute(baselines[r], _measure, _period);
                for (int p = 0; p < heat.Length; p++)
                {
                    heat[p] += (after[p] - before[p]) / runs.Count;
                }
            }
        }
        PlaceHeat = heat;
        if (_difference && !PlaceDifference)
        {
            // Places were added or removed: there is no place-by-place difference to colour, so none is faked.
            PlaceColours = PlainPlaceColours(run);
            return;
        }
        PlaceScale = PlaceDifference ? HeatScale.ForDifferences(heat) : HeatScale.ForValues(heat);
        var colours = new Rgba[heat.Length];
        for (int p = 0; p < heat.Length; p++)
        {
            colours[p] = map.At(PlaceScale.Position(heat[p]));
        }
        PlaceColours = colours;
    }

    private static Rgba[] PlainPlaceColours(RunFile run)
    {
        var colours = new Rgba[run.PlaceCount];
        for (int p = 0; p < colours.Length; p++)
        {
            colours[p] = (Engine.Places.PlaceKind)run.PlaceKind[p] == Engine.Places.PlaceKind.Bench ? MapGeometry.BenchColour : MapGeometry.PlaceColour;
        }
        return colours;
    }

    private void ShowLayer(CategoryLayer layer)
    {
        int count = layer.SegmentCategory.Length;
        Values = new float[count];
        SegmentColours = new Rgba[count];
        var order = new int[count];
        for (int s = 0; s < count; s++)
        {
            int category = layer.SegmentCategory[s];
            Values[s] = category;
            SegmentColours[s] = layer.Categories[category].Colour;
            order[s] = s;
        }
        // Later categories on top, ties by segment index, so the picture does not depend on the sort's whims.
        Array.Sort(order, (a, b) => Values[a] != Values[b] ? Values[a].CompareTo(Values[b]) : a.CompareTo(b));
        DrawOrder = order;
        PlaceHeat = [];
        PlaceColours = PlainPlaceColours(Run);
        Version++;
    }
}
