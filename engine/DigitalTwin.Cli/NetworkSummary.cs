using System.Globalization;
using DigitalTwin.Engine;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Places;

namespace DigitalTwin.Cli;

/// <summary>The readable summary of an imported neighbourhood that <c>twin network</c> prints.</summary>
public static class NetworkSummary
{
    public static void Write(TextWriter output, Neighbourhood neighbourhood, IReadOnlyList<string> reportLines, TimeSpan importTime)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(neighbourhood);
        ArgumentNullException.ThrowIfNull(reportLines);
        StreetNetwork network = neighbourhood.Network;
        CultureInfo c = CultureInfo.InvariantCulture;
        ReadOnlySpan<float> length = network.LengthMetres;
        ReadOnlySpan<HighwayKind> highway = network.Highway;
        double totalMetres = 0;
        var byKind = new SortedDictionary<string, (int Count, double Metres)>(StringComparer.Ordinal);
        var byMode = new (string Name, TravelModes Mode, int Count, double Metres)[]
        {
            ("walk", TravelModes.Walk, 0, 0), ("bike", TravelModes.Bike, 0, 0), ("car", TravelModes.Car, 0, 0),
        };
        for (int s = 0; s < network.SegmentCount; s++)
        {
            totalMetres += length[s];
            string kind = highway[s].ToString();
            (int count, double metres) = byKind.GetValueOrDefault(kind);
            byKind[kind] = (count + 1, metres + length[s]);
            TravelModes modes = network.ModesEither(new SegmentId(s));
            for (int m = 0; m < byMode.Length; m++)
            {
                if ((modes & byMode[m].Mode) != 0)
                {
                    byMode[m].Count++;
                    byMode[m].Metres += length[s];
                }
            }
        }
        output.WriteLine(string.Create(c, $"street network: {network.NodeCount} nodes, {network.SegmentCount} segments, {totalMetres / 1000:0.0} km"));
        output.WriteLine("  by type:");
        foreach (KeyValuePair<string, (int Count, double Metres)> pair in byKind)
        {
            output.WriteLine(string.Create(c, $"    {pair.Key,-14} {pair.Value.Count,7} segments {pair.Value.Metres / 1000,8:0.0} km"));
        }
        output.WriteLine("  by mode:");
        foreach ((string name, _, int count, double metres) in byMode)
        {
            output.WriteLine(string.Create(c, $"    {name,-14} {count,7} segments {metres / 1000,8:0.0} km"));
        }
        PlaceSet places = neighbourhood.Places;
        output.WriteLine(string.Create(c, $"places: {places.Count}"));
        foreach (PlaceKind kind in Enum.GetValues<PlaceKind>())
        {
            int count = places.CountOf(kind);
            if (count > 0)
            {
                output.WriteLine(string.Create(c, $"    {kind,-14} {count,7}"));
            }
        }
        output.WriteLine(string.Create(c, $"homes: {neighbourhood.Homes.Count} buildings/addresses, {neighbourhood.Homes.TotalDwellings} dwellings"));
        var barriers = neighbourhood.Barriers;
        foreach (var kind in Enum.GetValues<Engine.Surroundings.BarrierKind>())
        {
            var lines = Enumerable.Range(0, barriers.Count).Where(l => barriers.Kind[l] == kind).ToList();
            output.WriteLine(string.Create(c, $"barrier lines, {kind.ToString().ToLowerInvariant()}: {lines.Count}, {lines.Sum(barriers.LengthMetres) / 1000:0.0} km"));
        }
        foreach (string line in reportLines)
        {
            output.WriteLine(line);
        }
        output.WriteLine(string.Create(c, $"import time: {importTime.TotalSeconds:0.00} s"));
    }
}
