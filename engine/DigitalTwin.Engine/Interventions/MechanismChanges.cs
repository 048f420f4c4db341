using System.Globalization;
using DigitalTwin.Engine.Mobility;
using DigitalTwin.Engine.Planning;
using DigitalTwin.Engine.Simulation;

namespace DigitalTwin.Engine.Interventions;

/// <summary>
/// What a scenario's interventions change in the inputs of the behaviour mechanisms, on the segments they changed: the
/// wait to cross (<see cref="RouteCostModel.CrossingWaitSeconds"/>), how a street invites time in front of the home
/// (<see cref="DayPlanner.FrontOfHouseWeightOf"/>), short stops per 100 m walked (<see cref="StreetLifeParameters"/>) and
/// the lit share. A designer reads it before the run's outcomes, to see through which mechanism a change can act.
/// </summary>
public static class MechanismChanges
{
    /// <summary>One line per mechanism whose input changed (none when no segment changed or the networks differ in size).</summary>
    public static IReadOnlyList<string> Between(Neighbourhood before, SimulationParameters beforeParameters, Neighbourhood after, SimulationParameters afterParameters)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(beforeParameters);
        ArgumentNullException.ThrowIfNull(afterParameters);
        var a = before.Network;
        var b = after.Network;
        if (a.SegmentCount != b.SegmentCount)
        {
            return [];
        }
        int[] benchA = before.Places.FirstBenchOfSegment(a.SegmentCount), benchB = after.Places.FirstBenchOfSegment(b.SegmentCount);
        var homesOn = new int[b.SegmentCount];
        foreach (int s in after.Homes.Segment)
        {
            homesOn[s]++;
        }
        double waitA = 0, waitB = 0, crossable = 0, frontA = 0, frontB = 0, homes = 0, stopsA = 0, stopsB = 0, litA = 0, litB = 0, metres = 0;
        int changed = 0;
        for (int s = 0; s < a.SegmentCount; s++)
        {
            double fa = DayPlanner.FrontOfHouseWeightOf(a, s, benchA[s] >= 0, beforeParameters.Planning);
            double fb = DayPlanner.FrontOfHouseWeightOf(b, s, benchB[s] >= 0, afterParameters.Planning);
            double wa = RouteCostModel.CrossingWaitSeconds(a.CarVehiclesPerDay[s], LateralPlacement.CarriagewayMetres(a, s, beforeParameters.CrossSection), beforeParameters.Routing);
            double wb = RouteCostModel.CrossingWaitSeconds(b.CarVehiclesPerDay[s], LateralPlacement.CarriagewayMetres(b, s, afterParameters.CrossSection), afterParameters.Routing);
            double sa = 100 * beforeParameters.StreetLife.StopsPerMetre(a.Frontage[s], a.PavementWidthMetres[s]);
            double sb = 100 * afterParameters.StreetLife.StopsPerMetre(b.Frontage[s], b.PavementWidthMetres[s]);
            bool lit = a.Lighting[s] != b.Lighting[s];
            if (fa == fb && wa == wb && sa == sb && !lit)
            {
                continue;
            }
            changed++;
            double length = b.LengthMetres[s];
            metres += length;
            stopsA += sa * length;
            stopsB += sb * length;
            litA += a.Lighting[s] == Network.Lighting.Lit ? length : 0;
            litB += b.Lighting[s] == Network.Lighting.Lit ? length : 0;
            frontA += fa * homesOn[s];
            frontB += fb * homesOn[s];
            homes += homesOn[s];
            if (wa > 0 || wb > 0)
            {
                waitA += wa;
                waitB += wb;
                crossable++;
            }
        }
        var c = CultureInfo.InvariantCulture;
        var lines = new List<string>();
        int frontZoneHomes = 0;
        for (int s = 0; s < a.SegmentCount; s++)
        {
            frontZoneHomes += a.FrontZoneDepthMetres[s] <= 0 && b.FrontZoneDepthMetres[s] > 0 ? homesOn[s] : 0;
        }
        if (frontZoneHomes > 0)
        {
            var p = afterParameters.Planning;
            lines.Add(string.Create(c,
                $"life in front of the home: {frontZoneHomes} homes get a front zone; the {p.StoepParticipationShare:P0} of households that use it sit out × {p.StoepFrontOfHouseMultiplier:0.#}, {p.StoepMinutes:0} instead of {p.FrontOfHouseMinutes:0} minutes"));
        }
        int controlled = 0;
        for (int n = 0; n < a.NodeCount; n++)
        {
            controlled += a.NodeCrossing[n] != b.NodeCrossing[n] ? 1 : 0;
        }
        if (controlled > 0)
        {
            var r = afterParameters.Routing;
            lines.Add(string.Create(c,
                $"crossing: {controlled} junctions get a controlled crossing; the wait for a gap there is cut to {r.ZebraCrossingShare:P0} at a zebra (for walkers; cyclists have no priority there), {r.SignalisedCrossingShare:P0} at signals"));
        }
        if (changed == 0)
        {
            return lines;
        }
        string where = string.Create(c, $"on the {changed} segments whose mechanism inputs changed ({metres:0} m)");
        if (crossable > 0 && Math.Abs(waitA - waitB) > 1e-6)
        {
            lines.Add(string.Create(c, $"crossing: mean wait for a gap {waitA / crossable:0.0} → {waitB / crossable:0.0} s {where}"));
        }
        if (homes > 0 && Math.Abs(frontA - frontB) > 1e-9)
        {
            lines.Add(string.Create(c, $"life in front of the home: chance of time at the door × {frontB / frontA:0.00} for the {homes:0} homes there"));
        }
        if (Math.Abs(stopsA - stopsB) > 1e-9)
        {
            lines.Add(string.Create(c, $"stops and pace: short stops per walker per 100 m {stopsA / metres:0.000} → {stopsB / metres:0.000} {where}"));
        }
        if (Math.Abs(litA - litB) > 1e-9)
        {
            lines.Add(string.Create(c, $"daylight: lit share {litA / metres:P0} → {litB / metres:P0} {where}"));
        }
        return lines;
    }
}
