using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Population;
using DigitalTwin.Engine.Simulation;

namespace DigitalTwin.Engine.Outcomes;

/// <summary>
/// Rates per named area (a street or a place), sorted by label (ordinal) so two runs line up by name, not by index:
/// a variant with other segments or new places still pairs with its baseline street by street.
/// </summary>
/// <param name="Labels">The street name, or the place's name and kind; unique and sorted (ordinal).</param>
/// <param name="Encounters">Encounters per metre of street per day (streets) or per day (places).</param>
/// <param name="Nods">Nods, in the same unit as <paramref name="Encounters"/>.</param>
public sealed record AreaRates(string[] Labels, double[] Encounters, double[] Nods)
{
    public int Count => Labels.Length;

    /// <summary>The index of <paramref name="label"/>, or a negative number when the run has no such area.</summary>
    public int IndexOf(string label) => Array.BinarySearch(Labels, label, StringComparer.Ordinal);
}

/// <summary>
/// What a comparison needs from one run (one scenario, one seed): the outcome summary overall and by group, the
/// rates per street name and per place, and per segment. Small, so a comparison keeps every replication of every
/// scenario without keeping their run results.
/// </summary>
public sealed record ReplicationOutcomes(
    ulong Seed,
    int Days,
    OutcomeSummary Summary,
    AreaRates Streets,
    AreaRates Places,
    double[] SegmentEncountersPerMetreDay,
    double[] SegmentNodsPerMetreDay)
{
    /// <summary>The label of unnamed segments that carry no OSM way id (synthetic networks).</summary>
    public const string UnnamedStreet = "(unnamed)";

    /// <summary>
    /// Reduces a run. Streets are grouped by name; unnamed segments by OSM way (a footpath is one way), or all together
    /// as "(unnamed)" when they have no way id. A street's rate is its summed counts over its summed length, per day,
    /// so a long street is not outvoted by its short pieces. Places are grouped by name and kind, unnamed ones by OSM
    /// id or index.
    /// </summary>
    public static ReplicationOutcomes From(ulong seed, Neighbourhood neighbourhood, Residents residents, RunResult result)
    {
        ArgumentNullException.ThrowIfNull(neighbourhood);
        ArgumentNullException.ThrowIfNull(residents);
        ArgumentNullException.ThrowIfNull(result);
        int days = Math.Max(1, result.Totals.Days);
        var network = neighbourhood.Network;
        var streets = result.Streets;
        var segmentLabels = new string[network.SegmentCount];
        var segmentEncounters = new double[network.SegmentCount];
        var segmentNods = new double[network.SegmentCount];
        var lengths = new double[network.SegmentCount];
        var encounterCounts = new long[network.SegmentCount];
        var nodCounts = new long[network.SegmentCount];
        for (int s = 0; s < network.SegmentCount; s++)
        {
            string name = network.Names[network.NameIndex[s]];
            long way = network.OsmWayId[s];
            segmentLabels[s] = name.Length > 0 ? name : way != 0 ? $"(unnamed, OSM way {way})" : UnnamedStreet;
            lengths[s] = Math.Max(1.0, network.LengthMetres[s]);
            encounterCounts[s] = StreetOutcomes.Total(streets.Encounters, s);
            nodCounts[s] = StreetOutcomes.Total(streets.Nods, s);
            segmentEncounters[s] = encounterCounts[s] / (lengths[s] * days);
            segmentNods[s] = nodCounts[s] / (lengths[s] * days);
        }
        var streetRates = Group(segmentLabels, lengths, encounterCounts, nodCounts, days);

        var places = neighbourhood.Places;
        var placeLabels = new string[places.Count];
        var placeEncounters = new long[places.Count];
        var placeNods = new long[places.Count];
        for (int p = 0; p < places.Count; p++)
        {
            placeLabels[p] = PlaceLabel(places[p], p);
            placeEncounters[p] = StreetOutcomes.Total(result.Places.Encounters, p);
            placeNods[p] = StreetOutcomes.Total(result.Places.Nods, p);
        }
        // Places with the same label (two benches of one name) are one area: their counts add up, per day.
        var placeRates = Group(placeLabels, null, placeEncounters, placeNods, days);
        return new ReplicationOutcomes(seed, days, OutcomeSummary.From(result.Residents, residents, days), streetRates, placeRates, segmentEncounters, segmentNods);
    }

    /// <summary>"Name (kind)" for named places; unnamed ones by OSM id, else by index in the map.</summary>
    public static string PlaceLabel(PlaceRecord place, int index)
    {
        string kind = place.Kind.ToString().ToLowerInvariant();
        if (!string.IsNullOrWhiteSpace(place.Name))
        {
            return $"{place.Name} ({kind})";
        }
        return place.OsmId != 0 ? $"(unnamed {kind}, OSM {place.OsmId})" : $"(unnamed {kind} #{index})";
    }

    /// <summary>Sums counts (and lengths, when given) per label and divides once: integer sums, the same in any order.</summary>
    private static AreaRates Group(string[] labels, double[]? lengths, long[] encounters, long[] nods, int days)
    {
        var order = Enumerable.Range(0, labels.Length).OrderBy(i => labels[i], StringComparer.Ordinal).ThenBy(i => i).ToArray();
        var keys = new List<string>();
        var encounterRates = new List<double>();
        var nodRates = new List<double>();
        int k = 0;
        while (k < order.Length)
        {
            string label = labels[order[k]];
            long e = 0, n = 0;
            double length = 0;
            for (; k < order.Length && labels[order[k]] == label; k++)
            {
                e += encounters[order[k]];
                n += nods[order[k]];
                length += lengths?[order[k]] ?? 0;
            }
            double divisor = days * (lengths is null ? 1.0 : length);
            keys.Add(label);
            encounterRates.Add(e / divisor);
            nodRates.Add(n / divisor);
        }
        return new AreaRates([.. keys], [.. encounterRates], [.. nodRates]);
    }
}
