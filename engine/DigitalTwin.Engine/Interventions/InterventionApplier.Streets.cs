using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Engine.Interventions;

public static partial class InterventionApplier
{
    private static InterventionEffect WidenPavementOn(State state, WidenPavement widen)
    {
        var segments = state.Resolve(widen.Streets);
        foreach (var s in segments)
        {
            state.Change(s, a => a with { PavementWidthMetres = (float)(widen.WidthMetres ?? (a.PavementWidthMetres + widen.AddMetres!.Value)) });
        }
        string how = widen.WidthMetres is { } width ? string.Create(C, $"to {width:0.0} m") : string.Create(C, $"by {widen.AddMetres:0.0} m");
        return Effect(widen, string.Create(C, $"pavements on {Describe(widen.Streets)} widened {how} ({Metres(state.Network, segments):0} m of street)"), segments.Length);
    }

    private static InterventionEffect CloseToCars(State state, CarFree carFree)
    {
        var segments = state.Resolve(carFree.Streets);
        var removedModes = carFree.AllowBikes ? TravelModes.Car : TravelModes.Car | TravelModes.Bike;
        var displaced = new List<(SegmentId Segment, double Vehicles)>();
        foreach (var s in segments)
        {
            var before = state.Builder.GetAttributes(s);
            displaced.Add((s, before.CarVehiclesPerDay));
            state.Change(s, a => a with
            {
                ModesForward = a.ModesForward & ~removedModes,
                ModesBackward = a.ModesBackward & ~removedModes,
                CarVehiclesPerDay = 0,
            });
        }
        double moved = Redistribute(state, displaced, segments);
        return Effect(carFree, string.Create(C,
            $"{Describe(carFree.Streets)} closed to cars{(carFree.AllowBikes ? string.Empty : " and bikes")} ({Metres(state.Network, segments):0} m); {moved:0} vehicles a day moved to other streets"),
            segments.Length);
    }

    private static InterventionEffect CalmTraffic(State state, LowTraffic calm)
    {
        var segments = state.Resolve(calm.Streets);
        var displaced = new List<(SegmentId Segment, double Vehicles)>();
        foreach (var s in segments)
        {
            var before = state.Builder.GetAttributes(s);
            double factor = calm.TrafficFactor ?? 1;
            displaced.Add((s, before.CarVehiclesPerDay * (1 - factor)));
            state.Change(s, a => a with
            {
                CarVehiclesPerDay = (float)(a.CarVehiclesPerDay * factor),
                SpeedLimitKmh = calm.SpeedLimitKmh is { } limit ? Math.Min(a.SpeedLimitKmh, (float)limit) : a.SpeedLimitKmh,
            });
        }
        double moved = Redistribute(state, displaced, segments);
        string what = string.Join(" and ", new[]
        {
            calm.SpeedLimitKmh is { } kmh ? string.Create(C, $"speed limit {kmh:0} km/h") : null,
            calm.TrafficFactor is { } f ? string.Create(C, $"traffic × {f:0.##}") : null,
        }.OfType<string>());
        return Effect(calm, string.Create(C, $"{Describe(calm.Streets)}: {what}; {moved:0} vehicles a day moved to other streets"), segments.Length);
    }

    private static InterventionEffect Reprioritise(State state, Stomp stomp)
    {
        var p = state.Parameters;
        state.Parameters = p with
        {
            Routing = p.Routing with
            {
                WalkCostFactor = p.Routing.WalkCostFactor * stomp.WalkCostFactor,
                BikeCostFactor = p.Routing.BikeCostFactor * stomp.BikeCostFactor,
                CarCostFactor = p.Routing.CarCostFactor * stomp.CarCostFactor,
                CrossingWaitMetresPerSecond = p.Routing.CrossingWaitMetresPerSecond * stomp.CrossingPenaltyFactor,
            },
            ModeChoice = stomp.ParkingAtEdge ? p.ModeChoice with { CarParkingWalkMetres = p.ModeChoice.EdgeParkingWalkMetres } : p.ModeChoice,
        };
        var segments = stomp.Streets is null
            ? Enumerable.Range(0, state.Network.SegmentCount).Select(s => new SegmentId(s)).ToArray()
            : state.Resolve(stomp.Streets);
        foreach (var s in segments)
        {
            state.Change(s, a => a with { CarVehiclesPerDay = (float)(a.CarVehiclesPerDay * stomp.CarTrafficFactor) });
        }
        var changed = new List<string>
        {
            "routing.walkCostFactor", "routing.bikeCostFactor", "routing.carCostFactor", "routing.crossingWaitMetresPerSecond",
        };
        if (stomp.ParkingAtEdge)
        {
            changed.Add("modeChoice.carParkingWalkMetres");
        }
        return Effect(stomp, string.Create(C,
            $"STOMP priority: walking cost × {stomp.WalkCostFactor:0.##}, cycling × {stomp.BikeCostFactor:0.##}, driving × {stomp.CarCostFactor:0.##}, crossings × {stomp.CrossingPenaltyFactor:0.##}, car traffic × {stomp.CarTrafficFactor:0.##} on {(stomp.Streets is null ? "every street" : Describe(stomp.Streets))}{(stomp.ParkingAtEdge ? ", parking at the edge" : string.Empty)}"),
            segments.Length, parameters: changed);
    }

    private static InterventionEffect Light(State state, StreetLighting lighting)
    {
        var segments = state.Resolve(lighting.Streets);
        foreach (var s in segments)
        {
            state.Change(s, a => a with { Lighting = Lighting.Lit });
        }
        return Effect(lighting, string.Create(C, $"street lighting on {Describe(lighting.Streets)} ({Metres(state.Network, segments):0} m)"), segments.Length);
    }

    private static InterventionEffect AddFrontZones(State state, DelftStoep stoep)
    {
        var segments = state.Resolve(stoep.Streets);
        foreach (var s in segments)
        {
            state.Change(s, a => a with { FrontZoneDepthMetres = (float)stoep.DepthMetres });
        }
        var p = state.Parameters;
        state.Parameters = p with { Planning = p.Planning with { StoepParticipationShare = stoep.ParticipationShare } };
        return Effect(stoep, string.Create(C,
            $"front zones ('Delftse stoep') of {stoep.DepthMetres:0.0} m along {Describe(stoep.Streets)}; {stoep.ParticipationShare:P0} of households use theirs"),
            segments.Length, parameters: ["planning.stoepParticipationShare"]);
    }

    private static InterventionEffect OpenUp(State state, RemoveBarrier barrier)
    {
        var segments = state.Resolve(barrier.Streets);
        foreach (var s in segments)
        {
            state.Change(s, a => a with { ModesForward = a.ModesForward | barrier.Modes, ModesBackward = a.ModesBackward | barrier.Modes });
        }
        return Effect(barrier, $"{Describe(barrier.Streets)} opened to {barrier.Modes.ToString().ToLowerInvariant()}", segments.Length);
    }

    private static InterventionEffect AddCrossingOn(State state, AddCrossing crossing)
    {
        var segments = state.Resolve(crossing.Streets);
        var control = crossing.Kind switch
        {
            CrossingKind.Zebra => CrossingControl.Zebra,
            CrossingKind.Signalised => CrossingControl.Signalised,
            _ => CrossingControl.Uncontrolled,
        };
        var nodes = new SortedSet<int>();
        foreach (var s in segments)
        {
            nodes.Add(state.Builder.SegmentFrom(s));
            nodes.Add(state.Builder.SegmentTo(s));
        }
        foreach (int node in nodes)
        {
            state.SetCrossing(new NodeId(node), control);
        }
        return Effect(crossing, $"{crossing.Kind.ToString().ToLowerInvariant()} crossings at {nodes.Count} junction(s) of {Describe(crossing.Streets)}", segments.Length);
    }

    /// <summary>
    /// Moves car traffic taken off streets onto the detour cars now take: for each street, its vehicles a day (less the
    /// share that evaporates) are added along the shortest car route between its two ends in the changed network.
    /// Where no detour exists the traffic disappears. Returns the vehicles a day moved. The detour avoids every segment the
    /// intervention addresses: a calmed street stays open to cars, but the traffic taken off it cannot go back onto it.
    /// </summary>
    private static double Redistribute(State state, List<(SegmentId Segment, double Vehicles)> displaced, SegmentId[] addressed)
    {
        var avoid = addressed.Select(s => s.Value).ToHashSet();
        double kept = 1 - state.Parameters.Interventions.TrafficEvaporationShare;
        var network = state.Network;
        double moved = 0;
        foreach (var (segment, vehicles) in displaced)
        {
            if (vehicles <= 0)
            {
                continue;
            }
            var detour = CarDetour(network, network.SegmentFrom[segment.Value], network.SegmentTo[segment.Value], avoid);
            foreach (int s in detour)
            {
                state.Change(new SegmentId(s), a => a with { CarVehiclesPerDay = (float)(a.CarVehiclesPerDay + (vehicles * kept)) });
            }
            moved += detour.Count > 0 ? vehicles * kept : 0;
        }
        return moved;
    }

    /// <summary>The segments of the shortest car route between two nodes (either direction allowed) off <paramref name="avoid"/>, or none.</summary>
    private static List<int> CarDetour(StreetNetwork network, int from, int to, HashSet<int> avoid)
    {
        var distance = new Dictionary<int, double> { [from] = 0 };
        var via = new Dictionary<int, int>();
        var queue = new PriorityQueue<int, (double, int)>();
        queue.Enqueue(from, (0, from));
        while (queue.TryDequeue(out int node, out var key))
        {
            if (key.Item1 > distance[node])
            {
                continue;
            }
            if (node == to)
            {
                break;
            }
            foreach (int arc in network.ArcsFrom(new NodeId(node)))
            {
                int s = arc >> 1;
                bool forward = (arc & 1) == 0;
                if (avoid.Contains(s) || ((forward ? network.ModesForward[s] : network.ModesBackward[s]) & TravelModes.Car) == 0)
                {
                    continue;
                }
                int next = forward ? network.SegmentTo[s] : network.SegmentFrom[s];
                double d = key.Item1 + network.LengthMetres[s];
                if (!distance.TryGetValue(next, out double known) || d < known)
                {
                    distance[next] = d;
                    via[next] = s;
                    queue.Enqueue(next, (d, next));
                }
            }
        }
        var route = new List<int>();
        if (!via.ContainsKey(to))
        {
            return route;
        }
        for (int node = to; node != from;)
        {
            int s = via[node];
            route.Add(s);
            node = network.SegmentFrom[s] == node ? network.SegmentTo[s] : network.SegmentFrom[s];
        }
        return route;
    }
}
