using System.Globalization;
using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Engine.Observations;

/// <summary>An observation placed on the model: the street segments it concerns and the place it is at, if any.</summary>
/// <param name="Segments">For a point, the nearest walkable segment; for a line, every segment it runs along, in order.</param>
/// <param name="Place">The place within <see cref="ObservationLocator.PlaceMetres"/> of a point (the nearest), or -1.</param>
/// <param name="DistanceMetres">From a point to its segment; for a line, the largest distance of its samples.</param>
public sealed record LocatedObservation(Observation Observation, IReadOnlyList<SegmentId> Segments, int Place, double DistanceMetres);

/// <summary>
/// Puts observations on a neighbourhood's streets and places, so the model and the maps can use them: each point to
/// its nearest walkable street segment (and nearest place, when one is close), each line to the segments it runs
/// along. Observations too far from any street are problems (outside the map, or longitude and latitude swapped).
/// </summary>
public static class ObservationLocator
{
    /// <summary>
    /// A point this close to a place is about that place: a pin dropped on a café's front or a park's entrance lands
    /// within a few metres of where the map puts it (places are points on their building or area's centre; 30 m is
    /// half a typical Dutch block's depth).
    /// </summary>
    public const double PlaceMetres = 30;

    /// <summary>A line counts a segment when its samples lie this close to it: about the width of a street between house fronts.</summary>
    public const double LineMetres = 15;

    /// <summary>Lines are sampled this often along their length.</summary>
    private const double LineSampleMetres = 5;

    public static InputResult<IReadOnlyList<LocatedObservation>> Locate(ObservationSet observations, Neighbourhood neighbourhood)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(neighbourhood);
        var network = neighbourhood.Network;
        var snapper = new SegmentSnapper(network);
        var problems = new List<InputProblem>();
        var located = new List<LocatedObservation>(observations.Count);
        string display = Display(observations.SourceFile);
        bool csv = observations.SourceFile.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
        foreach (var o in observations.Observations)
        {
            string where = csv ? $"line {o.SourceNumber}" : $"feature {o.SourceNumber}";
            var projected = o.Positions.Select(p => network.GeoReference.Project(p.Longitude, p.Latitude)).ToArray();
            if (!o.IsLine)
            {
                var (x, y) = projected[0];
                if (snapper.Snap(x, y, ScenarioValidator.MaxPointDistanceMetres) is not { } snap)
                {
                    problems.Add(new InputProblem(display, where, string.Create(CultureInfo.InvariantCulture,
                        $"is more than {ScenarioValidator.MaxPointDistanceMetres} m from any street of the map"),
                        "positions are longitude, latitude in WGS84 degrees; check it lies inside the map"));
                    continue;
                }
                located.Add(new LocatedObservation(o, [snap.Segment], NearestPlace(neighbourhood.Places, x, y), snap.DistanceMetres));
                continue;
            }
            var segments = new List<SegmentId>();
            double farthest = 0;
            bool onMap = false;
            foreach (var (x, y) in Samples(projected))
            {
                if (snapper.Snap(x, y, LineMetres) is { } snap)
                {
                    onMap = true;
                    farthest = Math.Max(farthest, snap.DistanceMetres);
                    if (!segments.Contains(snap.Segment))
                    {
                        segments.Add(snap.Segment);
                    }
                }
            }
            if (!onMap)
            {
                problems.Add(new InputProblem(display, where, string.Create(CultureInfo.InvariantCulture,
                    $"runs along no street of the map (no part of it within {LineMetres} m of one)"),
                    "draw lines along the streets they are about; positions are longitude, latitude"));
                continue;
            }
            located.Add(new LocatedObservation(o, segments, -1, farthest));
        }
        return problems.Count > 0
            ? InputResult<IReadOnlyList<LocatedObservation>>.Failure(problems)
            : InputResult<IReadOnlyList<LocatedObservation>>.Success(located);
    }

    private static int NearestPlace(PlaceSet places, double x, double y)
    {
        int best = -1;
        double bestSquared = PlaceMetres * PlaceMetres;
        for (int p = 0; p < places.Count; p++)
        {
            double dx = places[p].X - x, dy = places[p].Y - y;
            double squared = (dx * dx) + (dy * dy);
            if (squared <= bestSquared && (best < 0 || squared < bestSquared))
            {
                best = p;
                bestSquared = squared;
            }
        }
        return best;
    }

    private static IEnumerable<(double X, double Y)> Samples((double X, double Y)[] line)
    {
        for (int i = 0; i + 1 < line.Length; i++)
        {
            var (ax, ay) = line[i];
            var (bx, by) = line[i + 1];
            double length = Math.Sqrt(((bx - ax) * (bx - ax)) + ((by - ay) * (by - ay)));
            int steps = Math.Max(1, (int)Math.Ceiling(length / LineSampleMetres));
            for (int k = 0; k < steps; k++)
            {
                double t = (double)k / steps;
                yield return (ax + ((bx - ax) * t), ay + ((by - ay) * t));
            }
        }
        yield return line[^1];
    }

    private static string Display(string fullPath)
    {
        if (fullPath.Length == 0)
        {
            return "observations";
        }
        string relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative;
    }
}
