using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Planning;
using DigitalTwin.Engine.Randomness;

namespace DigitalTwin.Engine.Tests.Planning;

public class DestinationIndexTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(9)]
    [InlineData(300)]
    public void Gravity_weights_are_the_scalar_formula_to_an_ulp_for_any_count(int count)
    {
        var random = new Random(count + 1);
        var pull = new double[50];
        for (int p = 0; p < pull.Length; p++)
        {
            pull[p] = Math.Sqrt(Math.Max(1, random.Next(0, 400)));
        }
        var places = new int[count];
        var weights = new double[count];
        for (int i = 0; i < count; i++)
        {
            places[i] = random.Next(pull.Length);
            weights[i] = random.NextDouble() * 2500;
        }
        var distances = (double[])weights.Clone();

        DestinationIndex.GravityWeights(weights, places, pull, 800);

        for (int i = 0; i < count; i++)
        {
            double expected = pull[places[i]] * Math.Exp(-distances[i] / 800);
            Assert.True(Math.Abs(weights[i] - expected) <= 4e-16 * expected, $"weight {i}: {weights[i]} against {expected}");
        }
    }

    [Fact]
    public void Nearer_places_are_chosen_more_often_and_none_beyond_the_radius_while_one_is_within()
    {
        var places = NetworkGenerator.Grid(30, 30).Places;
        var index = new DestinationIndex(places);
        Assert.True(index.Has(ActivityKind.Shopping));
        double x = 1500, y = 1500, radius = 1000;
        var random = new RandomStream(7, StreamPurpose.Test, 0);
        var weights = new List<double>();
        var candidates = new List<int>();
        double near = 0, far = 0;
        int nearCount = 0, farCount = 0;
        for (int p = 0; p < places.Count; p++)
        {
            double d = Distance(places[p], x, y);
            if (DestinationIndex.PlaceKindsFor(ActivityKind.Shopping).Contains(places.Kind[p]) && d <= radius)
            {
                nearCount += d <= radius / 2 ? 1 : 0;
                farCount += d > radius / 2 ? 1 : 0;
            }
        }
        Assert.True(nearCount > 0 && farCount > 0);
        for (int draw = 0; draw < 4000; draw++)
        {
            int chosen = index.Choose(ActivityKind.Shopping, x, y, 300, radius, ref random, weights, candidates);
            double d = Distance(places[chosen], x, y);
            Assert.True(d <= radius, $"chose a place {d:0} m away, beyond the {radius} m radius");
            near += d <= radius / 2 ? 1 : 0;
            far += d > radius / 2 ? 1 : 0;
        }
        // Per place, the inner half of the radius draws more than the outer (decay 300 m; capacities differ too).
        Assert.True(near / nearCount > 1.5 * (far / farCount), $"near {near}/{nearCount}, far {far}/{farCount}");

        // Nothing within reach: the nearest place of the kind, however far.
        int fallback = index.Choose(ActivityKind.Shopping, -5000, -5000, 300, 100, ref random, weights, candidates);
        double nearest = double.MaxValue;
        for (int p = 0; p < places.Count; p++)
        {
            if (DestinationIndex.PlaceKindsFor(ActivityKind.Shopping).Contains(places.Kind[p]))
            {
                nearest = Math.Min(nearest, Distance(places[p], -5000, -5000));
            }
        }
        Assert.Equal(nearest, Distance(places[fallback], -5000, -5000));
    }

    /// <summary>
    /// Issue 19's test: a shop added to a generated town (listed first, so every other place's index moves) takes the
    /// residents it wins and changes no other resident's choice.
    /// </summary>
    [Fact]
    public void Adding_a_place_changes_no_choice_but_those_it_wins()
    {
        var places = NetworkGenerator.Grid(30, 30).Places;
        var added = places.Records[0] with { Kind = PlaceKind.Shop, Name = "New shop", X = 1510, Y = 1490, OsmId = 0, Capacity = 40 };
        var withShop = new PlaceSet([added, .. places.Records]);
        var before = new DestinationIndex(places);
        var after = new DestinationIndex(withShop);
        var weights = new List<double>();
        var candidates = new List<int>();
        int won = 0, moved = 0;
        for (int resident = 0; resident < 3000; resident++)
        {
            double x = 1000 + (resident % 50 * 20), y = 1000 + (resident / 50 * 20);
            var first = new RandomStream(3, StreamPurpose.Test, (ulong)resident);
            var second = new RandomStream(3, StreamPurpose.Test, (ulong)resident);
            int old = before.Choose(ActivityKind.Shopping, x, y, 800, 2500, ref first, weights, candidates);
            int now = after.Choose(ActivityKind.Shopping, x, y, 800, 2500, ref second, weights, candidates);
            if (now == 0)
            {
                won++;
            }
            else if (now - 1 != old)
            {
                moved++;
            }
        }
        Assert.True(won > 0, "the new shop should win some residents");
        Assert.Equal(0, moved);
    }

    private static double Distance(PlaceRecord place, double x, double y) =>
        Math.Sqrt(((place.X - x) * (place.X - x)) + ((place.Y - y) * (place.Y - y)));
}
