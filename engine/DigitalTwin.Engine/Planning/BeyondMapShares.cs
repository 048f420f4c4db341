using DigitalTwin.Engine.Places;

namespace DigitalTwin.Engine.Planning;

/// <summary>
/// How many discretionary trips of each purpose go beyond the map. A neighbourhood's map holds only its own shops,
/// cafés and friends, but people shop, visit and go out across the city: the Dutch travel survey's mean trip of each
/// purpose (<see cref="PlanningParameters.ShoppingSurveyMeanKilometres"/> and the others) is the mean of the trips
/// that stay near home and those that go further. With L the mean trip the map offers (its destinations under the
/// destination-choice model, network distance) and E the mean trip beyond the map (the log-normal of
/// <see cref="PlanningParameters.ExternalTripMedianKilometres"/>, e^(σ²/2) times its median), the share q beyond the map
/// keeps the survey's mean D: q·E + (1 − q)·L = D, so q = (D − L) / (E − L), within 0 and
/// <see cref="PlanningParameters.BeyondMapShareLimit"/>. A map that holds a whole
/// town has L near D and keeps most trips; a small buurt sends more of them out. Purposes whose trips are the outing
/// itself (dog walks, parks, benches, playgrounds) and those the map's schools and jobs already split stay as they are.
/// </summary>
internal static class BeyondMapShares
{
    /// <summary>Homes the map's mean trip is estimated from: every k-th home, enough for a mean within a few per cent.</summary>
    public const int SampledHomes = 1000;

    /// <summary>The share beyond the map for every <see cref="ActivityKind"/> (0 where none go).</summary>
    public static double[] Compute(Neighbourhood neighbourhood, DestinationIndex destinations, PlanningParameters parameters, int gatewayCount)
    {
        ArgumentNullException.ThrowIfNull(neighbourhood);
        ArgumentNullException.ThrowIfNull(destinations);
        ArgumentNullException.ThrowIfNull(parameters);
        var shares = new double[Enum.GetValues<ActivityKind>().Length];
        var homes = neighbourhood.Homes;
        if (gatewayCount == 0 || homes.Count == 0)
        {
            return shares; // no way out of the map
        }
        var p = parameters;
        double beyond = p.ExternalTripMedianKilometres * Math.Exp(p.ExternalTripSigma * p.ExternalTripSigma / 2);
        int stride = Math.Max(1, homes.Count / SampledHomes);
        var candidates = new List<int>();
        var weights = new List<double>();
        foreach (var kind in Enum.GetValues<ActivityKind>())
        {
            double survey = SurveyMeanKilometres(kind, p);
            if (survey <= 0 || (kind != ActivityKind.Visit && !destinations.Has(kind)))
            {
                continue;
            }
            double local = (kind == ActivityKind.Visit ? MeanVisitMetres(neighbourhood, stride, p.VisitRadiusMetres) : MeanPlaceMetres(kind))
                * p.DetourFactor / 1000;
            shares[(int)kind] = beyond <= local ? 0 : Math.Clamp((survey - local) / (beyond - local), 0, p.BeyondMapShareLimit);
        }
        return shares;

        double MeanPlaceMetres(ActivityKind kind)
        {
            double sum = 0;
            int count = 0;
            for (int h = 0; h < homes.Count; h += stride)
            {
                var home = homes[h];
                sum += destinations.ExpectedDistance(kind, home.X, home.Y, p.DestinationDecayMetres, p.DestinationSearchRadiusMetres, weights, candidates);
                count++;
            }
            return sum / count;
        }
    }

    /// <summary>The survey's mean trip for the purpose an activity is counted under; 0 for activities kept as they are.</summary>
    public static double SurveyMeanKilometres(ActivityKind kind, PlanningParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return kind switch
        {
            ActivityKind.Groceries or ActivityKind.Shopping => parameters.ShoppingSurveyMeanKilometres,
            ActivityKind.Visit => parameters.VisitSurveyMeanKilometres,
            ActivityKind.ThirdPlace or ActivityKind.Sports or ActivityKind.Community or ActivityKind.Worship => parameters.SocialRecreationalSurveyMeanKilometres,
            ActivityKind.Healthcare => parameters.ServicesSurveyMeanKilometres,
            _ => 0,
        };
    }

    /// <summary>The mean distance to a visit's host: any other home within the visiting radius, as the planner draws it.</summary>
    private static double MeanVisitMetres(Neighbourhood neighbourhood, int stride, double radiusMetres)
    {
        var homes = neighbourhood.Homes;
        double sum = 0;
        long count = 0;
        double radiusSquared = radiusMetres * radiusMetres;
        for (int a = 0; a < homes.Count; a += stride)
        {
            var from = homes[a];
            for (int b = 0; b < homes.Count; b += stride)
            {
                var to = homes[b];
                double dx = to.X - from.X, dy = to.Y - from.Y;
                double d = (dx * dx) + (dy * dy);
                if (a != b && d <= radiusSquared)
                {
                    sum += Math.Sqrt(d);
                    count++;
                }
            }
        }
        return count == 0 ? 0 : sum / count;
    }
}
