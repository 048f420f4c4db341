using DigitalTwin.Engine.Encounters;
using DigitalTwin.Engine.Familiarity;
using DigitalTwin.Engine.Randomness;

namespace DigitalTwin.Engine.Tests.Familiarity;

public class FamiliarityLedgerForgettingTests
{
    private static readonly ulong Pair = PairKeys.Of(1, 2);

    private static Encounter Meeting(int a, int b, double startSeconds = 36_000, EncounterKind kind = EncounterKind.Passing) => new()
    {
        ResidentA = Math.Min(a, b),
        ResidentB = Math.Max(a, b),
        Kind = kind,
        StartTimeSeconds = startSeconds,
        DurationSeconds = kind == EncounterKind.CoPresent ? 120 : 3,
        Segment = 0,
        Place = -1,
        Node = -1,
        Weight = 1,
        Crowding = 2,
    };

    private static void Meet(FamiliarityLedger ledger, int day, bool nod = false) => ledger.Record(day, [Meeting(1, 2)], [nod]);

    private static int[] PeopleMet(FamiliarityLedger ledger, int day, int residents)
    {
        var met = new int[residents];
        ledger.CountTies(day, new int[residents], new int[residents], new int[residents], met);
        return met;
    }

    [Fact]
    public void A_pair_met_once_is_forgotten_after_two_weeks_and_swept_out_but_still_counted_as_met()
    {
        var ledger = new FamiliarityLedger(FamiliarityParameters.Default);
        Meet(ledger, 0);

        Assert.True(ledger.Remembers(Pair, 13));
        Assert.Equal(0, ledger.Forget(13));
        Assert.False(ledger.Remembers(Pair, 14));
        Assert.Equal(0, ledger.StrengthOf(Pair, 14));
        Assert.Equal(1, ledger.Forget(14));

        Assert.Equal(0, ledger.PairCount);
        Assert.Equal(1, ledger.ForgottenPairCount);
        Assert.True(ledger.HaveMet(Pair));
        Assert.False(ledger.HaveMet(PairKeys.Of(1, 3)));
        Assert.Equal([0, 1, 1], PeopleMet(ledger, 15, 3));
        Assert.Empty(ledger.SnapshotTies(15));
    }

    [Fact]
    public void People_met_stays_exact_when_a_forgotten_pair_meets_again_swept_or_not()
    {
        var swept = new FamiliarityLedger(FamiliarityParameters.Default);
        var lazy = new FamiliarityLedger(FamiliarityParameters.Default);
        foreach (var ledger in new[] { swept, lazy })
        {
            Meet(ledger, 0);
        }
        Assert.Equal(1, swept.Forget(20));
        foreach (var ledger in new[] { swept, lazy })
        {
            Meet(ledger, 20);
            Assert.Equal([0, 1, 1], PeopleMet(ledger, 21, 3));
            Assert.Equal(1, ledger.PairsMet);
            // Met again after being forgotten: memory starts afresh (one encounter).
            Assert.Equal(1, Assert.Single(ledger.SnapshotTies(21)).Encounters);
        }
        Assert.Equal(1, swept.Forget(60));
        Meet(swept, 80);
        Assert.Equal([0, 1, 1], PeopleMet(swept, 81, 3));
        Assert.Equal(1, swept.ForgottenPairCount);
    }

    [Fact]
    public void A_pair_swept_by_the_sweep_that_makes_room_for_its_own_day_is_placed_as_new()
    {
        // Day 0 fills a 16-slot table to 10 pairs; on day 30 the pair (1, 2), forgotten by then, meets again with 6
        // strangers, which is more than the table holds: the sweep that makes room drops (1, 2) too, so the day has
        // 7 new pairs, not the 6 it was begun with.
        var ledger = new FamiliarityLedger(FamiliarityParameters.Default, initialCapacity: 16);
        var first = Enumerable.Range(3, 9).Select(b => Meeting(1, b)).Prepend(Meeting(1, 2)).ToArray();
        ledger.Record(0, first, new bool[first.Length]);
        Assert.Equal(10, ledger.PairCount);
        var again = Enumerable.Range(20, 6).Select(b => Meeting(2, b)).Prepend(Meeting(1, 2)).ToArray();
        ledger.Record(30, again, new bool[again.Length]);

        Assert.Equal(7, ledger.PairCount);
        Assert.Equal(10, ledger.ForgottenPairCount); // (1, 2) among them: it stays "met" when swept
        Assert.Equal(16, ledger.PairsMet);
        Assert.All(again, e => Assert.True(ledger.Remembers(e.PairKey, 31)));
        Assert.Equal(1, ledger.SnapshotTies(31).Single(t => t.ResidentB == 2).Encounters);
        var met = PeopleMet(ledger, 31, 26);
        Assert.Equal((10, 7), (met[1], met[2]));
    }

    [Fact]
    public void Ties_are_never_dropped_while_they_hold()
    {
        var ledger = new FamiliarityLedger(FamiliarityParameters.Default);
        Meet(ledger, 0);
        Meet(ledger, 5);
        Meet(ledger, 10);
        int day = 11;
        for (; ledger.StateOf(Pair, day) != TieState.None; day++)
        {
            ledger.Forget(day);
            Assert.Equal(1, ledger.PairCount);
            Assert.Equal(TieState.FamiliarStranger, ledger.StateOf(Pair, day));
        }
        Assert.InRange(day, 30, 60);
    }

    [Fact]
    public void A_nod_is_kept_for_the_nodding_window_even_when_activation_is_low()
    {
        var ledger = new FamiliarityLedger(FamiliarityParameters.Default);
        Meet(ledger, 0, nod: true);
        Assert.True(ledger.ActivationOf(Pair, 20) < FamiliarityParameters.Default.ForgottenActivation);
        Assert.True(ledger.Remembers(Pair, 20));
        Assert.True(ledger.Remembers(Pair, 27));
        Assert.Equal(0, ledger.Forget(27));
        Assert.False(ledger.Remembers(Pair, 28));

        // A second nod on day 27 still makes a nodding contact: forgetting took nothing the rule needs.
        Meet(ledger, 27, nod: true);
        Assert.Equal(TieState.NoddingContact, ledger.StateOf(Pair, 28));
    }

    [Fact]
    public void Forgetting_never_takes_a_day_from_the_familiar_stranger_window()
    {
        var ledger = new FamiliarityLedger(FamiliarityParameters.Default);
        ledger.Record(0, [Meeting(1, 2, startSeconds: 0)], [false]);
        for (int day = 1; day < 13; day++)
        {
            ledger.Forget(day);
        }
        Assert.True(ledger.Remembers(Pair, 13));
        Meet(ledger, 12);
        ledger.Forget(13);
        Meet(ledger, 13);
        Assert.Equal(TieState.FamiliarStranger, ledger.StateOf(Pair, 14));
    }

    [Fact]
    public void The_table_stays_bounded_and_results_do_not_depend_on_when_sweeps_happen()
    {
        // 400 residents meet random others for 60 days; a third of meetings are with a few regular partners.
        const int residents = 400;
        var often = new FamiliarityLedger(FamiliarityParameters.Default, initialCapacity: 16);
        var never = new FamiliarityLedger(FamiliarityParameters.Default with { ForgottenActivation = -50 }, initialCapacity: 16);
        var rarely = new FamiliarityLedger(FamiliarityParameters.Default, initialCapacity: 1 << 20);
        var everMet = new HashSet<ulong>();
        var rng = new RandomStream(5, StreamPurpose.Test, 0);
        for (int day = 0; day < 60; day++)
        {
            var encounters = new List<Encounter>();
            for (int n = 0; n < 1_500; n++)
            {
                int a = rng.NextInt(residents);
                int b = rng.NextDouble() < 0.3 ? (a + 1 + rng.NextInt(3)) % residents : rng.NextInt(residents);
                if (a != b)
                {
                    encounters.Add(Meeting(a, b, 30_000 + n, rng.NextDouble() < 0.2 ? EncounterKind.CoPresent : EncounterKind.Passing));
                    everMet.Add(PairKeys.Of(a, b));
                }
            }
            Encounter[] sorted = [.. encounters.OrderBy(e => e.PairKey).ThenBy(e => e.StartTimeSeconds)];
            bool[] nods = [.. sorted.Select((e, i) => (e.ResidentA + e.ResidentB + i + day) % 5 == 0)];
            often.Forget(day);
            var dayOften = often.BeginDay(day, sorted);
            TieState[] before = dayOften.StateBefore.ToArray();
            double[] strength = dayOften.StrengthBefore.ToArray();
            often.Record(dayOften, sorted, nods);
            TieState[] after = dayOften.StateAfter.ToArray();

            var dayRarely = rarely.BeginDay(day, sorted);
            Assert.Equal(before, dayRarely.StateBefore.ToArray());
            Assert.Equal(strength, dayRarely.StrengthBefore.ToArray());
            rarely.Record(dayRarely, sorted, nods);
            Assert.Equal(after, dayRarely.StateAfter.ToArray());
            never.Record(day, sorted, nods);
        }

        int[] expectedMet = new int[residents];
        foreach (ulong key in everMet)
        {
            expectedMet[PairKeys.Lower(key)]++;
            expectedMet[PairKeys.Higher(key)]++;
        }
        Assert.Equal(expectedMet, PeopleMet(often, 60, residents));
        Assert.Equal(expectedMet, PeopleMet(rarely, 60, residents));
        Assert.Equal(expectedMet, PeopleMet(never, 60, residents));
        Assert.Equal(everMet.Count, often.PairsMet);
        Assert.Equal(often.SnapshotTies(60), rarely.SnapshotTies(60));
        Assert.All(everMet, key => Assert.True(often.HaveMet(key)));
        Assert.False(often.HaveMet(PairKeys.Of(residents, residents + 1)));

        // Without forgetting every pair ever met stays; with it, about two weeks' worth.
        Assert.Equal(everMet.Count, never.PairCount);
        Assert.True(often.PairCount < everMet.Count / 2, $"{often.PairCount} of {everMet.Count}");
        Assert.InRange(often.ForgottenPairCount, everMet.Count - often.PairCount, everMet.Count);
    }

    [Fact]
    public void Results_are_the_same_on_any_thread_count()
    {
        const int residents = 3_000;
        var ledgers = new[] { new FamiliarityLedger(FamiliarityParameters.Default), new FamiliarityLedger(FamiliarityParameters.Default) };
        var results = new List<TieState[]>[2] { [], [] };
        for (int day = 0; day < 6; day++)
        {
            var rng = new RandomStream(9, StreamPurpose.Test, 1, (ulong)day);
            Encounter[] sorted = [.. Enumerable.Range(0, 60_000)
                .Select(n => (A: rng.NextInt(residents), B: rng.NextInt(residents / 10), N: n))
                .Where(x => x.A != x.B)
                .Select(x => Meeting(x.A, x.B, 20_000 + x.N))
                .OrderBy(e => e.PairKey).ThenBy(e => e.StartTimeSeconds)];
            bool[] nods = [.. sorted.Select((_, i) => i % 3 == 0)];
            for (int l = 0; l < 2; l++)
            {
                int threads = l == 0 ? 1 : 4;
                var today = ledgers[l].BeginDay(day, sorted, threads);
                ledgers[l].Record(today, sorted, nods, threads);
                results[l].Add(today.StateAfter.ToArray());
            }
        }
        Assert.Equal(results[0], results[1]);
        Assert.Equal(ledgers[0].SnapshotTies(6), ledgers[1].SnapshotTies(6));
        Assert.Contains(results[0].SelectMany(x => x), s => s != TieState.None);
    }

    [Fact]
    public void A_day_must_be_recorded_as_it_was_begun()
    {
        var ledger = new FamiliarityLedger(FamiliarityParameters.Default);
        Encounter[] one = [Meeting(1, 2)];
        var today = ledger.BeginDay(0, one);
        Assert.Throws<InvalidOperationException>(() => today.StateAfter.Length);
        Assert.Throws<ArgumentException>(() => ledger.Record(today, [Meeting(1, 2), Meeting(1, 2, 40_000)], [false, false]));
        ledger.Record(today, one, [false]);
        Assert.Throws<ArgumentException>(() => ledger.Record(today, one, [false]));
        Assert.Equal(TieState.None, Assert.Single(today.StateAfter.ToArray()));
    }
}
