using DigitalTwin.Engine.Encounters;
using DigitalTwin.Engine.Familiarity;
using DigitalTwin.Engine.Network;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Encounters;

public class NodModelTests
{
    private static readonly NodModel Model = new(NodParameters.Default);

    private static Encounter Pass(int a = 0, int b = 1, double startSeconds = 36_000, EncounterKind kind = EncounterKind.Passing,
        int crowding = 2, float speed = 1.4f, float weight = 1f, int segment = 0) => new()
    {
        ResidentA = a,
        ResidentB = b,
        Kind = kind,
        StartTimeSeconds = startSeconds,
        DurationSeconds = 2.6,
        Segment = segment,
        Place = -1,
        Node = -1,
        SpeedMetresPerSecond = speed,
        Crowding = crowding,
        Weight = weight,
        ModeA = TravelModes.Walk,
        ModeB = TravelModes.Walk,
    };

    /// <summary>The probability on a day light from 07:00 to 19:30.</summary>
    private static double P(in Encounter e, double traffic = 500, Lighting lighting = Lighting.Lit, double familiarity = 0) =>
        Model.Probability(e, traffic, lighting, familiarity, 7 * 3600, 19.5 * 3600);

    [Fact]
    public void Context_moves_the_probability_the_way_the_literature_says()
    {
        double baseline = P(Pass());
        Assert.InRange(baseline, 0.03, 0.2);
        Assert.True(P(Pass(), traffic: 16_000) < P(Pass(), traffic: 2_000));
        Assert.True(P(Pass(crowding: 30)) < baseline);
        Assert.True(P(Pass(startSeconds: 22 * 3600), lighting: Lighting.Unlit) < P(Pass(startSeconds: 22 * 3600)));
        Assert.True(P(Pass(startSeconds: 22 * 3600)) < baseline);
        Assert.True(P(Pass(), familiarity: 3) > baseline);
        Assert.True(P(Pass(kind: EncounterKind.CoPresent)) > baseline);
        Assert.True(P(Pass(speed: 5f)) < baseline);
        // The attention weight by mode belongs to noticing (AttentionModel): a nod is decided for a noticed encounter.
        Assert.Equal(P(Pass()), P(Pass(weight: 0.4f)), 12);
    }

    [Fact]
    public void Appleyards_light_and_heavy_streets_differ_by_his_ratio_in_odds()
    {
        double light = P(Pass(), traffic: 2_000);
        double heavy = P(Pass(), traffic: 16_000);
        double oddsRatio = heavy / (1 - heavy) / (light / (1 - light));
        Assert.Equal(0.9 / 3.0, oddsRatio, 2);
    }

    [Fact]
    public void Nod_frequency_matches_the_probability()
    {
        var network = TinyWorlds.SingleStreet();
        var ledger = new FamiliarityLedger(FamiliarityParameters.Default);
        var encounters = Enumerable.Range(0, 20_000).Select(i => Pass(2 * i, 2 * i + 1)).ToArray();
        var nods = new bool[encounters.Length];

        Model.Decide(encounters, network, ledger, seed: 7, day: 0, nods);

        double p = Model.Probability(encounters[0], network.CarVehiclesPerDay[0], network.Lighting[0], 0);
        double share = nods.Count(n => n) / (double)nods.Length;
        double sigma = Math.Sqrt(p * (1 - p) / nods.Length);
        Assert.InRange(share, p - 4 * sigma, p + 4 * sigma);
    }

    [Fact]
    public void A_pairs_nods_do_not_depend_on_other_pairs_or_on_running_twice()
    {
        var network = TinyWorlds.SingleStreet();
        var ledger = new FamiliarityLedger(FamiliarityParameters.Default);
        var all = Enumerable.Range(0, 2_000).Select(i => Pass(i, i + 1, kind: EncounterKind.CoPresent)).ToArray();
        var subset = all.Where((_, i) => i % 3 == 0).ToArray();
        var nodsAll = new bool[all.Length];
        var nodsSubset = new bool[subset.Length];
        var again = new bool[all.Length];

        Model.Decide(all, network, ledger, 7, 3, nodsAll);
        Model.Decide(subset, network, ledger, 7, 3, nodsSubset);
        Model.Decide(all, network, ledger, 7, 3, again);

        Assert.Equal(nodsAll, again);
        Assert.Equal(nodsAll.Where((_, i) => i % 3 == 0), nodsSubset);
        Assert.Contains(true, nodsAll);
        Assert.Contains(false, nodsAll);
    }

    [Fact]
    public void Familiar_pairs_nod_more_often_than_strangers()
    {
        var network = TinyWorlds.SingleStreet();
        var ledger = new FamiliarityLedger(FamiliarityParameters.Default);
        var history = Enumerable.Range(0, 1_000).Select(i => Pass(2 * i, 2 * i + 1)).ToArray();
        for (int day = 0; day < 10; day++)
        {
            ledger.Record(day, history, new bool[history.Length]);
        }
        var familiar = history;
        var strangers = Enumerable.Range(0, 1_000).Select(i => Pass(2 * i + 1, 2 * i + 2)).ToArray();
        var nodsFamiliar = new bool[1_000];
        var nodsStrangers = new bool[1_000];

        Model.Decide(familiar, network, ledger, 1, 10, nodsFamiliar);
        Model.Decide(strangers, network, ledger, 1, 10, nodsStrangers);

        Assert.True(nodsFamiliar.Count(n => n) > 2 * nodsStrangers.Count(n => n));
    }

    [Fact]
    public void Darkness_follows_the_days_sun_times()
    {
        var network = TinyWorlds.SingleStreet();
        var ledger = new FamiliarityLedger(FamiliarityParameters.Default);
        // 20 000 unlit encounters at 18:00: dark after a December sunset (16:30), light before a June one (22:00).
        var encounters = Enumerable.Range(0, 20_000).Select(i => Pass(2 * i, 2 * i + 1, startSeconds: 18 * 3600)).ToArray();
        var december = new bool[encounters.Length];
        var june = new bool[encounters.Length];
        var today = ledger.BeginDay(0, encounters);

        Model.Decide(encounters, network, today, 3, sunriseSeconds: 8.8 * 3600, sunsetSeconds: 16.5 * 3600, december);
        Model.Decide(encounters, network, today, 3, sunriseSeconds: 5.3 * 3600, sunsetSeconds: 22 * 3600, june);

        Lighting lighting = network.Lighting[0];
        double traffic = network.CarVehiclesPerDay[0];
        double dark = Model.Probability(encounters[0], traffic, lighting, 0, 0, 17 * 3600);
        double light = Model.Probability(encounters[0], traffic, lighting, 0, 0, 24 * 3600);
        Assert.True(dark < light);
        Assert.InRange(december.Count(n => n) / 20_000.0, dark - 0.015, dark + 0.015);
        Assert.InRange(june.Count(n => n) / 20_000.0, light - 0.015, light + 0.015);
        // The twilight margin: 40 minutes after sunset it is still light enough, so a 17:30 sunset is June at 18:00.
        var twilight = new bool[encounters.Length];
        Model.Decide(encounters, network, today, 3, sunriseSeconds: 8.8 * 3600, sunsetSeconds: 17.5 * 3600, twilight);
        Assert.Equal(june, twilight);
    }

    [Fact]
    public void The_ledger_overload_gives_the_nods_of_the_fixed_hours()
    {
        var network = TinyWorlds.SingleStreet();
        var ledger = new FamiliarityLedger(FamiliarityParameters.Default);
        var encounters = Enumerable.Range(0, 3_000).Select(i => Pass(i / 3, 1_000 + (i % 3), startSeconds: 3600 * (i % 24))).ToArray();
        var viaLedger = new bool[encounters.Length];
        var viaDay = new bool[encounters.Length];
        NodParameters p = NodParameters.Default;

        Model.Decide(encounters, network, ledger, 11, 4, viaLedger);
        Model.Decide(encounters, network, ledger.BeginDay(4, encounters), 11,
            sunriseSeconds: p.CivilTwilightSeconds, sunsetSeconds: 86_400 - p.CivilTwilightSeconds, viaDay); // never dark

        Assert.Equal(viaLedger, viaDay);
    }
}
