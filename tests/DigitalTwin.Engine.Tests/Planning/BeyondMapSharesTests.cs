using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Planning;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Planning;

public class BeyondMapSharesTests
{
    /// <summary>
    /// Café Street has one café; its four homes lie 250, 250, 600 and 31.2 m from it in a straight line (mean 282.8 m,
    /// 367.6 m by the network's detour factor 1.3). Trips beyond the map average 8 km × e^(0.8²/2) = 11.02 km. A survey
    /// mean of 4 km for social trips is kept by sending (4 − 0.368) / (11.02 − 0.368) = 34.1 % of café outings out.
    /// </summary>
    [Fact]
    public void The_share_beyond_the_map_keeps_the_survey_s_mean_trip()
    {
        var world = TinyWorlds.CafeStreet();
        var parameters = new PlanningParameters() with { SocialRecreationalSurveyMeanKilometres = 4 };
        var gateways = new Gateways(world.Network);

        var shares = BeyondMapShares.Compute(world, new DestinationIndex(world.Places), parameters, gateways.Count);

        double local = (250 + 250 + 600 + Math.Sqrt((9.8 * 9.8) + (29.6 * 29.6))) / 4 * 1.3 / 1000;
        double beyond = 8 * Math.Exp(0.32);
        Assert.Equal((4 - local) / (beyond - local), shares[(int)ActivityKind.ThirdPlace], 4);
        Assert.Equal(0.341, shares[(int)ActivityKind.ThirdPlace], 3);
    }

    [Fact]
    public void Purposes_whose_trip_is_the_outing_itself_stay_in_the_map()
    {
        var world = TinyWorlds.CafeStreet();
        var shares = BeyondMapShares.Compute(world, new DestinationIndex(world.Places), new PlanningParameters(), new Gateways(world.Network).Count);

        Assert.Equal(0, shares[(int)ActivityKind.DogWalk]);
        Assert.Equal(0, shares[(int)ActivityKind.Park]);
        Assert.Equal(0, shares[(int)ActivityKind.Bench]);
        Assert.Equal(0, shares[(int)ActivityKind.Work]); // commutes have their own local share
    }

    /// <summary>Visits average 15 km in the survey, more than trips beyond the map: the share stops at its limit, so some visits stay local.</summary>
    [Fact]
    public void A_survey_mean_beyond_reach_sends_out_no_more_than_the_limit()
    {
        var world = TinyWorlds.CafeStreet();
        var shares = BeyondMapShares.Compute(world, new DestinationIndex(world.Places), new PlanningParameters(), new Gateways(world.Network).Count);

        Assert.Equal(new PlanningParameters().BeyondMapShareLimit, shares[(int)ActivityKind.Visit]);
    }

    [Fact]
    public void A_survey_mean_of_zero_or_a_map_without_a_way_out_keeps_every_trip_inside()
    {
        var world = TinyWorlds.CafeStreet();
        var none = new PlanningParameters() with { SocialRecreationalSurveyMeanKilometres = 0 };

        Assert.Equal(0, BeyondMapShares.Compute(world, new DestinationIndex(world.Places), none, new Gateways(world.Network).Count)[(int)ActivityKind.ThirdPlace]);
        Assert.All(BeyondMapShares.Compute(world, new DestinationIndex(world.Places), new PlanningParameters(), gatewayCount: 0), share => Assert.Equal(0, share));
    }

    /// <summary>
    /// An outing leaves the map only when its length reaches past the resident's way out. On a grid 15 km across, with
    /// every trip beyond the map 8 km long, a resident's way out for a purpose (a gateway in a random compass sector)
    /// is often farther than that: those outings stay in the map, the others leave.
    /// </summary>
    [Fact]
    public void An_outing_shorter_than_the_way_to_the_map_s_edge_stays_in_the_map()
    {
        var world = SimulationWorlds.Grid(residents: 600, options: new GeneratorOptions { SpacingMetres = 3000 });
        var parameters = new PlanningParameters { ExternalTripSigma = 0.001 };
        var planner = new DayPlanner(world.Neighbourhood, world.Residents, parameters, new ActivityScheduleParameters(), seed: 5);
        var network = world.Network;
        double WayOutKilometres(int resident, int gateway)
        {
            var position = planner.Gateways[gateway];
            int node = position.OffsetMetres > 0 ? network.SegmentTo[position.Segment] : network.SegmentFrom[position.Segment];
            var home = world.Neighbourhood.Homes[world.Residents.Home[resident]];
            return Math.Sqrt(Math.Pow(network.NodeX[node] - home.X, 2) + Math.Pow(network.NodeY[node] - home.Y, 2)) * parameters.DetourFactor / 1000;
        }
        var scratch = new PlanScratch();
        var plan = new List<PlannedActivity>();
        var leaving = new List<double>();
        for (int day = 0; day < 7; day++)
        {
            for (int r = 0; r < world.Residents.Count; r++)
            {
                planner.Plan(r, day, scratch, plan);
                leaving.AddRange(plan.Where(a => a.Destination.Kind == AnchorKind.Gateway && a.Kind is ActivityKind.Shopping or ActivityKind.Groceries
                    or ActivityKind.Visit or ActivityKind.ThirdPlace or ActivityKind.Sports or ActivityKind.Healthcare).Select(a => WayOutKilometres(r, a.Destination.Index)));
            }
        }
        int farWaysOut = Enumerable.Range(0, world.Residents.Count).Count(r => Enumerable.Range(0, planner.Gateways.Count).Any(g => WayOutKilometres(r, g) > 8.1));

        Assert.True(farWaysOut > 100, $"only {farWaysOut} residents have a way out farther than 8 km");
        Assert.True(leaving.Count > 50, $"{leaving.Count} outings beyond the map");
        Assert.All(leaving, kilometres => Assert.True(kilometres < 8.1, $"an outing of 8 km left by a way out {kilometres:0.0} km away"));
    }
}
