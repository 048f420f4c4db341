using DigitalTwin.Engine.Observations;
using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Engine.Interventions.Types;

/// <summary>
/// What residents know enters the model (step 2 of the TNO guide: residents' own observations). Ratings, from an
/// observations file or written here for named streets or a place, change how attractive a street is to walk or
/// cycle along (its perceived length in route choice) and how strongly a place draws visitors (its weight in
/// destination choice); a barrier residents observed adds a fixed cost to passing that street. A rating of 3 changes
/// nothing; the sizes are <c>perceivedQuality.*</c> parameters.
/// From a file (docs/observations.md): a point within <see cref="ObservationLocator.PlaceMetres"/> of a place rates
/// the place, any other point its nearest street segment, a line every segment it runs along; the rating is the mean
/// of the aspects rated, or what the kind says by itself (<see cref="Observation.OverallRating"/>); several
/// observations of one street or place are averaged. Every later rating of a street or place replaces an earlier one.
/// </summary>
internal sealed record PerceivedQuality(
    string? ObservationsFile, ObservationSet? Observations, StreetAddress? Streets, string? PlaceName, double? Rating) : Intervention
{
    public const string Type = "perceived-quality";

    private static readonly TextField ObservationsField = new("observations", "residents' observations file (docs/observations.md), relative to the scenario")
    {
        What = "path to a .csv or .geojson file",
        Example = "\"observations-example.csv\"",
    };

    private static readonly StreetAddressField StreetsField = new("streets", "streets rated (with rating)");

    private static readonly TextField PlaceField = new("place", "a place rated by its name on the map (every place of that name; with rating)")
    {
        What = "place name",
        MaxLength = 200,
    };

    private static readonly NumberField RatingField = new("rating", "the residents' rating of the streets or place: 1 very poor, 3 neutral, 5 very good", 1, 5, "(rating)");

    internal static InterventionType Format { get; } = new(Type,
        "Residents' ratings and observed barriers change the model: a street rated below 3 feels longer to walk and cycle along (above 3 shorter), a place rated above 3 draws more visitors (below 3 fewer), an observed barrier costs perceivedQuality.observedBarrierMetres to pass. Either observations (a file, docs/observations.md) or streets and/or place with a rating.",
        [ObservationsField, StreetsField, PlaceField, RatingField], Read);

    public override string TypeName => Type;

    public override IEnumerable<StreetAddress> Addresses => Streets is null ? [] : [Streets];

    private static PerceivedQuality? Read(ObjectReader reader)
    {
        string? file = ObservationsField.Read(reader);
        StreetAddress? streets = StreetsField.Read(reader);
        string? place = PlaceField.Read(reader);
        double? rating = RatingField.Read(reader);
        bool named = streets is not null || place is not null;
        if (file is null == !named)
        {
            reader.Context.Error(reader.Path, file is null
                ? "needs either 'observations' (a file) or 'streets' and/or 'place' with a 'rating'"
                : "takes either 'observations' or 'streets'/'place' with a 'rating', not both", "see docs/observations.md");
            return null;
        }
        if (named && rating is null)
        {
            reader.Context.Error(reader.Child("rating"), "is required with 'streets' or 'place': 1 (very poor) to 5 (very good)");
            return null;
        }
        if (file is not null && rating is not null)
        {
            reader.Context.Error(reader.Child("rating"), "goes with 'streets' or 'place'; an observations file carries its own ratings");
            return null;
        }
        ObservationSet? observations = null;
        if (file is not null)
        {
            string field = reader.Child("observations");
            if (ScenarioLoader.FullPathOf(reader.Context, field, file) is not { } full)
            {
                return null;
            }
            var loaded = ObservationLoader.Load(full, file);
            if (!loaded.Succeeded)
            {
                reader.Context.Problems.AddRange(loaded.Problems);
                return null;
            }
            observations = loaded.Unwrap();
        }
        return new PerceivedQuality(file, observations, streets, place, rating) { Origin = reader.Location };
    }

    public override IEnumerable<InputProblem> MapProblems(Neighbourhood neighbourhood)
    {
        ArgumentNullException.ThrowIfNull(neighbourhood);
        if (Observations is not null)
        {
            var located = ObservationLocator.Locate(Observations, neighbourhood);
            return located.Problems;
        }
        if (PlaceName is not null && !neighbourhood.Places.Records.Any(p => p.Name == PlaceName))
        {
            string[] names = [.. neighbourhood.Places.Records.Select(p => p.Name).Where(n => !string.IsNullOrEmpty(n)).Distinct()];
            return [(Origin with { Path = Origin.Path + ".place" }).Problem($"no place named '{PlaceName}' in the map",
                Suggestions.DidYouMean(PlaceName, names) ?? "names are OSM name=* values of shops, cafés, parks ...")];
        }
        return [];
    }

    internal override InterventionEffect Apply(NeighbourhoodDraft draft)
    {
        var p = draft.Parameters.PerceivedQuality;
        var streetRatings = new SortedDictionary<int, (double Sum, int Count)>();
        var placeRatings = new SortedDictionary<int, (double Sum, int Count)>();
        var barriers = new SortedSet<int>();
        static void Add(SortedDictionary<int, (double Sum, int Count)> into, int key, double rating) =>
            into[key] = into.TryGetValue(key, out var r) ? (r.Sum + rating, r.Count + 1) : (rating, 1);

        if (Observations is not null)
        {
            // Validation located every observation already; one that fails here would be a bug, not the user's input.
            var located = ObservationLocator.Locate(Observations, draft.Build()).Unwrap();
            foreach (var l in located)
            {
                if (l.Observation.Kind == ObservationKind.Barrier)
                {
                    barriers.UnionWith(l.Segments.Select(s => s.Value));
                }
                if (l.Observation.OverallRating is not { } rating)
                {
                    continue;
                }
                if (l.Place >= 0)
                {
                    Add(placeRatings, l.Place, rating);
                }
                else
                {
                    foreach (var s in l.Segments)
                    {
                        Add(streetRatings, s.Value, rating);
                    }
                }
            }
        }
        if (Rating is { } given)
        {
            if (Streets is not null)
            {
                foreach (var s in draft.Resolve(Streets))
                {
                    Add(streetRatings, s.Value, given);
                }
            }
            if (PlaceName is not null)
            {
                for (int i = 0; i < draft.Places.Count; i++)
                {
                    if (draft.Places[i].Name == PlaceName)
                    {
                        Add(placeRatings, i, given);
                    }
                }
            }
        }
        foreach (var (segment, (sum, count)) in streetRatings)
        {
            float change = (float)(p.RouteCostChangePerRatingPoint * (AspectRatings.Neutral - (sum / count)));
            draft.Change(new Network.SegmentId(segment), a => a with { PerceivedLengthChange = change });
        }
        foreach (int segment in barriers)
        {
            draft.Change(new Network.SegmentId(segment), a => a with { ObservedBarrierMetres = (float)p.ObservedBarrierMetres });
        }
        foreach (var (place, (sum, count)) in placeRatings)
        {
            float change = (float)(Math.Exp(p.AttractionPerRatingPoint * ((sum / count) - AspectRatings.Neutral)) - 1);
            draft.Places[place] = draft.Places[place] with { AttractionChange = change };
        }
        string source = Observations is not null
            ? string.Create(C, $"{Observations.Count} observations from {Path.GetFileName(ObservationsFile)}")
            : string.Create(C, $"{(Streets is null ? PlaceName : Describe(Streets) + (PlaceName is null ? string.Empty : " and " + PlaceName))} rated {Rating:0.#}");
        double Mean(SortedDictionary<int, (double Sum, int Count)> ratings) => ratings.Values.Average(r => r.Sum / r.Count);
        var parts = new List<string>();
        if (streetRatings.Count > 0)
        {
            parts.Add(string.Create(C, $"{streetRatings.Count} street segments rated ({draft.MetresOf(streetRatings.Keys.Select(s => new Network.SegmentId(s))):0} m, mean {Mean(streetRatings):0.0}): they feel shorter or longer to walk and cycle"));
        }
        if (placeRatings.Count > 0)
        {
            parts.Add(string.Create(C, $"{placeRatings.Count} places rated (mean {Mean(placeRatings):0.0}): they draw more or fewer visitors"));
        }
        if (barriers.Count > 0)
        {
            parts.Add(string.Create(C, $"barriers observed on {barriers.Count} segments (+{p.ObservedBarrierMetres:0} perceived m to pass each)"));
        }
        string summary = parts.Count == 0 ? "nothing rated and no barrier, so nothing changes" : string.Join("; ", parts);
        return Effect(source + ": " + summary, streetRatings.Keys.Union(barriers).Count());
    }
}
