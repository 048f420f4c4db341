using DigitalTwin.Engine.Encounters;
using DigitalTwin.Engine.Familiarity;

namespace DigitalTwin.Engine.Tests.Familiarity;

public class FamiliarityLedgerTests
{
    private static readonly ulong Pair = PairKeys.Of(1, 2);

    private static Encounter Meeting(int a, int b, double startSeconds = 36_000, EncounterKind kind = EncounterKind.Passing, double durationSeconds = 3) => new()
    {
        ResidentA = a,
        ResidentB = b,
        Kind = kind,
        StartTimeSeconds = startSeconds,
        DurationSeconds = durationSeconds,
        Segment = 0,
        Place = -1,
        Node = -1,
        Weight = 1,
        Crowding = 2,
    };

    private static void Meet(FamiliarityLedger ledger, int day, bool nod = false, EncounterKind kind = EncounterKind.Passing, double durationSeconds = 3) =>
        ledger.Record(day, [Meeting(1, 2, kind: kind, durationSeconds: durationSeconds)], [nod]);

    [Fact]
    public void Meeting_on_three_different_days_within_two_weeks_makes_familiar_strangers()
    {
        var ledger = new FamiliarityLedger(FamiliarityParameters.Default);
        Meet(ledger, 0);
        Meet(ledger, 4);
        Assert.Equal(TieState.None, ledger.StateOf(Pair, 5));
        Meet(ledger, 9);
        Assert.Equal(TieState.FamiliarStranger, ledger.StateOf(Pair, 10));
    }

    [Fact]
    public void Three_meetings_on_one_day_or_spread_over_more_than_two_weeks_do_not()
    {
        var sameDay = new FamiliarityLedger(FamiliarityParameters.Default);
        sameDay.Record(0, [Meeting(1, 2, 30_000), Meeting(1, 2, 40_000), Meeting(1, 2, 50_000)], [false, false, false]);
        Assert.Equal(TieState.None, sameDay.StateOf(Pair, 1));

        var spread = new FamiliarityLedger(FamiliarityParameters.Default);
        Meet(spread, 0);
        Meet(spread, 8);
        Meet(spread, 16);
        Assert.Equal(TieState.None, spread.StateOf(Pair, 17));
    }

    [Fact]
    public void Nods_on_two_days_make_a_nodding_contact_and_shared_stationary_time_an_acquaintance()
    {
        var ledger = new FamiliarityLedger(FamiliarityParameters.Default);
        Meet(ledger, 0, nod: true);
        Assert.Equal(TieState.None, ledger.StateOf(Pair, 1));
        Meet(ledger, 3, nod: true);
        Assert.Equal(TieState.NoddingContact, ledger.StateOf(Pair, 4));
        // Sitting together without a word is not talk: co-presence alone makes no acquaintance.
        Meet(ledger, 5, kind: EncounterKind.CoPresent, durationSeconds: 600);
        Assert.Equal(TieState.NoddingContact, ledger.StateOf(Pair, 6));
        // Greeted and stayed together: that time is talk, and five minutes of it make an acquaintance.
        Meet(ledger, 6, nod: true, kind: EncounterKind.CoPresent, durationSeconds: 200);
        Assert.Equal(TieState.NoddingContact, ledger.StateOf(Pair, 7));
        Meet(ledger, 7, nod: true, kind: EncounterKind.CoPresent, durationSeconds: 120);
        Assert.Equal(TieState.Acquaintance, ledger.StateOf(Pair, 8));
    }

    [Fact]
    public void A_minimal_familiar_stranger_fades_after_weeks_and_must_be_earned_again()
    {
        var ledger = new FamiliarityLedger(FamiliarityParameters.Default);
        Meet(ledger, 0);
        Meet(ledger, 5);
        Meet(ledger, 10);
        int fadesOn = Enumerable.Range(11, 200).First(day => ledger.StateOf(Pair, day) == TieState.None);
        Assert.InRange(fadesOn - 10, 21, 42);

        Meet(ledger, fadesOn + 5);
        Assert.Equal(TieState.None, ledger.StateOf(Pair, fadesOn + 6));
    }

    [Fact]
    public void Nodding_contacts_fade_later_than_familiar_strangers_with_the_same_history()
    {
        var strangers = new FamiliarityLedger(FamiliarityParameters.Default);
        var nodders = new FamiliarityLedger(FamiliarityParameters.Default);
        foreach (int day in new[] { 0, 5, 10 })
        {
            Meet(strangers, day);
            Meet(nodders, day, nod: true);
        }
        int strangersFade = Enumerable.Range(11, 400).First(day => strangers.StateOf(Pair, day) == TieState.None);
        int noddersFade = Enumerable.Range(11, 400).First(day => nodders.StateOf(Pair, day) == TieState.None);
        Assert.True(noddersFade > strangersFade, $"{noddersFade} vs {strangersFade}");
    }

    [Fact]
    public void Activation_is_the_exact_act_r_sum_for_a_short_history()
    {
        var ledger = new FamiliarityLedger(FamiliarityParameters.Default);
        ledger.Record(0, [Meeting(1, 2, 43_200)], [false]);
        ledger.Record(2, [Meeting(1, 2, 21_600)], [false]);

        double expected = Math.Log(Math.Pow(10 - 0.5, -0.5) + Math.Pow(10 - 2.25, -0.5));

        Assert.Equal(expected, ledger.ActivationOf(Pair, 10), 5);
        Assert.Equal(double.NegativeInfinity, ledger.ActivationOf(PairKeys.Of(3, 4), 10));
        Assert.Equal(0, ledger.StrengthOf(PairKeys.Of(3, 4), 10));
    }

    [Fact]
    public void Petrovs_approximation_stays_close_to_the_full_sum_for_a_long_history()
    {
        var ledger = new FamiliarityLedger(FamiliarityParameters.Default);
        double exact = 0;
        for (int day = 0; day < 40; day++)
        {
            ledger.Record(day, [Meeting(1, 2, 36_000)], [false]);
            exact += Math.Pow(60 - (day + 36_000 / 86_400.0), -0.5);
        }
        double approximate = ledger.StrengthOf(Pair, 60);
        Assert.InRange(approximate / exact, 0.97, 1.03);
    }

    [Fact]
    public void A_large_ledger_is_the_same_on_one_and_two_threads()
    {
        // 700 residents, every third partner: ~81k pairs in a table grown several times (lookups and updates run in
        // parallel chunks); days add new pairs to a grown table and meet old ones again.
        const int residents = 700;
        var ledgers = new[] { new FamiliarityLedger(FamiliarityParameters.Default), new FamiliarityLedger(FamiliarityParameters.Default) };
        for (int day = 0; day < 4; day++)
        {
            var encounters = new List<Encounter>();
            for (int a = 0; a < residents; a++)
            {
                for (int b = a + 1 + (day % 2); b < residents; b += 3)
                {
                    encounters.Add(Meeting(a, b, 36_000 + day));
                }
            }
            var array = encounters.ToArray();
            for (int threads = 1; threads <= 2; threads++)
            {
                var ledger = ledgers[threads - 1];
                ledger.Record(ledger.BeginDay(day, array, threads), array, new bool[array.Length], threads);
            }
        }

        var (one, two) = (ledgers[0], ledgers[1]);
        Assert.True(one.Capacity >= 1 << 17, $"capacity {one.Capacity}: too small to cover several parallel chunks");
        Assert.Equal(one.PairCount, two.PairCount);
        Assert.Equal(one.PairsMet, two.PairsMet);
        int expectedPairs = 0;
        for (int a = 0; a < residents; a++)
        {
            for (int b = a + 1; b < residents; b++)
            {
                bool met = (b - a - 1) % 3 == 0 || (b - a - 2) % 3 == 0;
                expectedPairs += met ? 1 : 0;
                Assert.Equal(met, two.HaveMet(PairKeys.Of(a, b)));
            }
        }
        Assert.Equal(expectedPairs, two.PairCount);
        Assert.Equal(one.SnapshotTies(4), two.SnapshotTies(4, threads: 2));
        var (metOne, metTwo) = (new int[residents], new int[residents]);
        one.CountTies(4, new int[residents], new int[residents], new int[residents], metOne);
        two.CountTies(4, new int[residents], new int[residents], new int[residents], metTwo);
        Assert.Equal(metOne, metTwo);
        Assert.Equal(2 * expectedPairs, metTwo.Sum());
    }

    [Fact]
    public void Many_pairs_survive_growth_and_are_counted_per_resident()
    {
        var ledger = new FamiliarityLedger(FamiliarityParameters.Default, initialCapacity: 16);
        const int residents = 300;
        for (int day = 0; day < 3; day++)
        {
            var encounters = new List<Encounter>();
            for (int a = 0; a < residents; a++)
            {
                for (int b = a + 1; b < residents; b += 7)
                {
                    encounters.Add(Meeting(a, b));
                }
            }
            ledger.Record(day, encounters.ToArray(), new bool[encounters.Count]);
        }

        int expectedPairs = Enumerable.Range(0, residents).Sum(a => (residents - 1 - a + 6) / 7);
        Assert.Equal(expectedPairs, ledger.PairCount);
        var familiar = new int[residents];
        var nodding = new int[residents];
        var acquainted = new int[residents];
        var met = new int[residents];
        ledger.CountTies(3, familiar, nodding, acquainted, met);
        Assert.Equal(2 * expectedPairs, met.Sum());
        Assert.Equal(2 * expectedPairs, familiar.Sum());
        Assert.Equal(0, nodding.Sum() + acquainted.Sum());

        Tie[] ties = ledger.SnapshotTies(3);
        Assert.Equal(expectedPairs, ties.Length);
        Assert.All(ties, t => Assert.Equal((TieState.FamiliarStranger, 3, 3), (t.State, t.Encounters, t.DaysMetInLast64Days)));
        Assert.True(ties.Zip(ties.Skip(1)).All(p => PairKeys.Of(p.First.ResidentA, p.First.ResidentB) < PairKeys.Of(p.Second.ResidentA, p.Second.ResidentB)));
        Assert.Equal(64, FamiliarityLedger.BytesPerPair);
        Assert.Equal(8, FamiliarityLedger.BytesPerSlot);
        // A record a pair (the last block part empty) and a hash at most 70 % full after growing to at least 35 %.
        Assert.InRange((double)ledger.MemoryBytes / ledger.PairCount, 64 + (8 / 0.7), (2 * 64) + (2 * 8 / 0.7));
    }

    [Fact]
    public void Days_cannot_go_backwards()
    {
        var ledger = new FamiliarityLedger(FamiliarityParameters.Default);
        Meet(ledger, 5);
        Assert.Throws<ArgumentOutOfRangeException>(() => Meet(ledger, 4));
    }
}
