using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Planning;
using DigitalTwin.Engine.Randomness;

namespace DigitalTwin.Engine.Tests.Planning;

public sealed class HomeIndexTests
{
    private const double Radius = 400;

    /// <summary>Homes every 37 m over 1.5 × 1.5 km (not aligned with the index's cells), in row order.</summary>
    private static List<HomeRecord> Homes() =>
        [.. from i in Enumerable.Range(0, 40) from j in Enumerable.Range(0, 40) select new HomeRecord { X = (i * 37.0) - 300, Y = (j * 37.0) - 250, Dwellings = 1 }];

    private static ulong Decision(int draw) => new RandomStream(7, StreamPurpose.Test, (ulong)draw).NextUInt64();

    [Fact]
    public void A_host_lives_in_a_cell_within_the_radius_is_never_the_visitor_and_every_such_home_is_about_as_likely()
    {
        var homes = new HomeSet(Homes());
        var index = new HomeIndex(homes);
        const int Own = 820; // near the middle
        var own = homes[Own];
        // Reach is counted in the index's 100 m cells: a home whose cell's centre lies within the radius.
        static double Centre(double metres) => (Math.Floor(metres / 100) + 0.5) * 100;
        var eligible = Enumerable.Range(0, homes.Count)
            .Where(h => h != Own && Math.Pow(Centre(homes[h].X) - own.X, 2) + Math.Pow(Centre(homes[h].Y) - own.Y, 2) <= Radius * Radius).ToList();
        var counts = new Dictionary<int, int>();
        const int Draws = 200_000;
        for (int d = 0; d < Draws; d++)
        {
            int host = index.Choose(Own, Radius, Decision(d));
            Assert.Contains(host, eligible);
            counts[host] = counts.GetValueOrDefault(host) + 1;
        }
        double expected = (double)Draws / eligible.Count;
        Assert.Equal(eligible.Count, counts.Count);
        Assert.All(counts.Values, n => Assert.InRange(n, expected * 0.75, expected * 1.25));
    }

    [Fact]
    public void Homes_added_far_away_change_no_host_and_one_added_nearby_changes_only_visits_that_now_go_to_its_cell()
    {
        var before = new HomeIndex(new HomeSet(Homes()));
        var far = Homes();
        far.AddRange(Enumerable.Range(0, 50).Select(k => new HomeRecord { X = 5_000 + k, Y = 5_000, Dwellings = 1 }));
        var afterFar = new HomeIndex(new HomeSet(far));
        var near = Homes();
        near.Add(new HomeRecord { X = 900, Y = 300, Dwellings = 1 });
        int added = near.Count - 1;
        var afterNear = new HomeIndex(new HomeSet(near));

        int changed = 0;
        for (int d = 0; d < 20_000; d++)
        {
            int own = d % 1600;
            int host = before.Choose(own, Radius, Decision(d));
            Assert.Equal(host, afterFar.Choose(own, Radius, Decision(d)));
            int withNear = afterNear.Choose(own, Radius, Decision(d));
            if (withNear != host)
            {
                // Into the added home's cell of the index (100 m): the home itself or a neighbour in its block.
                Assert.True(Math.Floor(near[withNear].X / 100) == 9 && Math.Floor(near[withNear].Y / 100) == 3, $"host moved to {near[withNear]}");
                changed++;
            }
        }
        Assert.True(changed > 0, "the added home won no visit");
    }

    [Fact]
    public void Without_another_home_in_reach_there_is_no_host()
    {
        var index = new HomeIndex(new HomeSet([new HomeRecord { X = 0, Y = 0 }, new HomeRecord { X = 2_000, Y = 0 }]));
        Assert.Equal(-1, index.Choose(0, Radius, Decision(1)));
        Assert.Equal(1, index.Choose(0, 2_500, Decision(1)));
        Assert.Equal(-1, new HomeIndex(HomeSet.Empty).Choose(0, Radius, Decision(1)));
    }
}
