using DigitalTwin.Benchmarks.Sumo;
using DigitalTwin.Engine.Encounters;
using DigitalTwin.Engine.Network;

namespace DigitalTwin.Benchmarks.Tests.Sumo;

public sealed class FcdEncounterCounterTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "dt-fcd-" + Guid.NewGuid().ToString("N") + ".xml");

    public void Dispose() => File.Delete(_file);

    /// <summary>Two 100 m segments in a line: node 0 — s0 — node 1 — s1 — node 2.</summary>
    private static StreetNetwork Line()
    {
        var builder = new StreetNetworkBuilder(new GeoReference(4.37, 52.0));
        var a = builder.AddNode(0, 0);
        var b = builder.AddNode(100, 0);
        var c = builder.AddNode(200, 0);
        builder.AddSegment(a, b, GeneratorOptions.ResidentialStreet);
        builder.AddSegment(b, c, GeneratorOptions.ResidentialStreet);
        return builder.Build();
    }

    private FcdEncounterCounter Count(params (double Time, string Person, string Edge, double Pos, double X)[] samples)
    {
        using (var w = new StreamWriter(_file))
        {
            w.WriteLine("<fcd-export>");
            foreach (var step in samples.GroupBy(s => s.Time).OrderBy(g => g.Key))
            {
                w.WriteLine($"<timestep time=\"{step.Key:0.00}\">");
                foreach (var s in step)
                {
                    w.WriteLine($"<person id=\"{s.Person}\" x=\"{s.X:0.00}\" y=\"0\" angle=\"90\" speed=\"1\" pos=\"{s.Pos:0.00}\" edge=\"{s.Edge}\" slope=\"0\"/>");
                }
                w.WriteLine("</timestep>");
            }
            w.WriteLine("</fcd-export>");
        }
        var counter = new FcdEncounterCounter(Line(), EncounterParameters.Default, 1);
        counter.Read(_file);
        return counter;
    }

    [Fact]
    public void Two_walkers_passing_on_one_segment_meet_once_there()
    {
        var counter = Count(
            (0, "p1_0", "s0", 48, 48), (0, "p2_0", "s0", 56, 56),
            (1, "p1_0", "s0", 49, 49), (1, "p2_0", "s0", 55, 55),
            (2, "p1_0", "s0", 50, 50), (2, "p2_0", "s0", 54, 54),
            (3, "p1_0", "s0", 51, 51), (3, "p2_0", "s0", 53, 53));
        Assert.Equal(1, counter.Encounters);
        Assert.Equal(0, counter.NodeEncounters);
        Assert.Equal(1, counter.EncountersPerSegment[0]);
        Assert.Equal(2, counter.PedestriansPerSegment[0]);
    }

    [Fact]
    public void Walkers_farther_apart_than_the_social_distance_do_not_meet()
    {
        var counter = Count((0, "p1_0", "s0", 10, 10), (0, "p2_0", "s0", 14, 14), (1, "p1_0", "s0", 10, 10), (1, "p2_0", "s0", 20, 20));
        Assert.Equal(0, counter.Encounters);
    }

    [Fact]
    public void Walkers_either_side_of_a_node_meet_when_their_distances_to_it_add_up_to_at_most_the_social_distance()
    {
        var near = Count((0, "p1_0", "s0", 98.5, 98.5), (0, "p2_0", "s1", 1.5, 101.5));
        Assert.Equal(1, near.Encounters);
        Assert.Equal(1, near.NodeEncounters);
        var far = Count((0, "p1_0", "s0", 97.5, 97.5), (0, "p2_0", "s1", 2.5, 102.5));
        Assert.Equal(0, far.Encounters);
    }

    [Fact]
    public void A_walker_on_a_junction_walking_area_is_measured_from_the_node()
    {
        var counter = Count((0, "p1_0", ":1_w0", 0, 101), (0, "p2_0", "s1", 2, 102));
        Assert.Equal(1, counter.Encounters);
    }

    [Fact]
    public void A_lapse_longer_than_the_episode_gap_makes_a_second_encounter_and_a_shorter_one_does_not()
    {
        var samples = new List<(double, string, string, double, double)>();
        foreach (double t in new[] { 0.0, 1, 7, 20 })
        {
            samples.Add((t, "p1_0", "s0", 50, 50));
            samples.Add((t, "p2_0", "s0", 52, 52));
        }
        samples.Add((10, "p1_0", "s0", 50, 50));
        samples.Add((10, "p2_0", "s0", 80, 80));
        // Contact at 0, 1; 7 is 6 s later (gap 5 s + one step): joined; 20 is 13 s after 7: a new encounter.
        Assert.Equal(2, Count([.. samples]).Encounters);
    }

    [Fact]
    public void Trips_of_the_same_resident_never_meet_each_other()
    {
        var counter = Count((0, "p1_0", "s0", 50, 50), (0, "p1_1", "s0", 51, 51));
        Assert.Equal(0, counter.Encounters);
        Assert.Equal(2, counter.Persons);
    }
}
