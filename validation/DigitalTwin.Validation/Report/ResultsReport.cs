using System.Diagnostics;
using System.Globalization;
using System.Text;
using DigitalTwin.Engine.Mobility;
using DigitalTwin.TestKit;
using DigitalTwin.Validation.Checks;

namespace DigitalTwin.Validation.Report;

/// <summary>
/// Writes validation/results.md: for each mechanism the world, the engine's figures and the study's side by side, and
/// whether the engine's figure is emergent or was set from the same study (then the comparison is a consistency check,
/// not a validation).
/// </summary>
public static class ResultsReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Path => System.IO.Path.Combine(RepositoryFiles.Root, "validation", "results.md");

    /// <summary>The report's Markdown (runs every measurement not yet run).</summary>
    public static string Build()
    {
        // Measure first (the checks may have run some already in this process), so the time reported is the rest.
        var clock = Stopwatch.StartNew();
        _ = (HomeStreetTraffic.Figures, MarketStreetFrontage.Figures, Darkness.June, Routines.Figures, Crowds.Figures);
        TimeSpan? wall = clock.Elapsed;
        var md = new StringBuilder();
        md.AppendLine("# Validation results")
            .AppendLine()
            .AppendLine(F($"Generated {DateTime.UtcNow:yyyy-MM-dd} at commit {EngineCommit()} ({(ValidationScale.Full ? "full" : "quick")} form: {ValidationScale.Describe(HomeStreetTraffic.Days)} for the traffic check; each section states its own)."))
            .AppendLine(wall is { } w ? F($"Measurements not already made by the checks took {w.TotalSeconds:F0} s here ({Environment.ProcessorCount} cores).") : string.Empty)
            .AppendLine()
            .AppendLine("Kind: **emergent** = the engine's figure is not set from the study; **consistency** = a parameter was set from the")
            .AppendLine("same study, so agreement shows the mechanism carries the parameter through, not that the model is right.")
            .AppendLine();
        Table(md);
        md.AppendLine();
        Traffic(md);
        Frontage(md);
        Dark(md);
        Crossing(md);
        Routine(md);
        Crowd(md);
        Milgram(md);
        return md.ToString();
    }

    /// <summary>The summary table of studies (copied into validation/README.md).</summary>
    public static void Table(StringBuilder md)
    {
        ArgumentNullException.ThrowIfNull(md);
        var t = HomeStreetTraffic.Figures;
        var (light, heavy) = (t[0], t[^1]);
        var f = MarketStreetFrontage.Figures;
        var (passive, active) = (f[0], f[^1]);
        var (june, december) = (Darkness.June, Darkness.December);
        md.AppendLine("| mechanism | study | study's figure | engine's figure | kind |")
            .AppendLine("|---|---|---|---|---|")
            .AppendLine(F($"| traffic and neighbouring: friends | Appleyard & Lintell 1972 / Appleyard 1981 | friends on the street 3.0 (light, 2,000 veh/day) vs 0.9 (heavy, 16,000): ratio 0.30 | nodding contacts or better with neighbours on the street per resident {light.NoddingOrBetterPerResident:F2} vs {heavy.NoddingOrBetterPerResident:F2}: ratio {Ratio(heavy.NoddingOrBetterPerResident, light.NoddingOrBetterPerResident)} | consistency (front-of-house decay set from this ratio); tie counts emergent |"))
            .AppendLine(F($"| traffic and neighbouring: acquaintances | Appleyard & Lintell 1972 / Appleyard 1981 | acquaintances 6.3 vs 3.1: ratio 0.49 | familiar strangers or better with neighbours on the street per resident {light.TiesPerResident:F2} vs {heavy.TiesPerResident:F2}: ratio {Ratio(heavy.TiesPerResident, light.TiesPerResident)} | emergent |"))
            .AppendLine(F($"| frontage: stops | Gehl, Kaefer & Reigstad 2006 (Copenhagen 2003) | 7 × as much activity in front of active as passive facades | stops per 100 passages {active.StopsPer100Passages:F1} vs {passive.StopsPer100Passages:F1}: ratio {Ratio(active.StopsPer100Passages, passive.StopsPer100Passages)} | consistency (stop rates set from this ratio) |"))
            .AppendLine(F($"| frontage: pace | Gehl, Kaefer & Reigstad 2006 | walkers slow down in front of active facades | walking speed active / passive {Ratio(active.SpeedWithStopsMetresPerSecond, passive.SpeedWithStopsMetresPerSecond)} with stops, {Ratio(active.MovingSpeedMetresPerSecond, passive.MovingSpeedMetresPerSecond)} on the move | consistency (pace 0.9 reasoned after this study) |"))
            .AppendLine(F($"| darkness: walking | Uttley & Fotios 2017 | pedestrians after dark / daylight, same clock hour: 0.62 | walking passages 18–19 h, December / June: {Ratio(december.WalkAtHour, june.WalkAtHour)} | emergent combination of two parameters each set to half the study's log-ratio |"))
            .AppendLine(F($"| darkness: cycling | Uttley & Fotios 2017 | cyclists after dark / daylight: 0.72 | cycling passages 18–19 h, December / June: {Ratio(december.BikeAtHour, june.BikeAtHour)} | as above |"))
            .AppendLine(F($"| crossing delay | HCM 2010 ch. 19 | d = (e^(qτ) − qτ − 1) / q | the engine's wait equals the formula (table below) | consistency (the formula is implemented) |"))
            .AppendLine(F($"| crossing a busy road | Broach & Dill 2015 | an unsignalised busy-road crossing ≈ 70 m of walking | {RouteCostModel.CrossingWaitSeconds(20_000, 7, new RouteCostParameters()) * new RouteCostParameters().CrossingWaitMetresPerSecond:F0} m (20,000 veh/day, 7 m) | emergent (from HCM and Wardman 2004, not from Broach & Dill) |"))
            .AppendLine("| familiar strangers at a stop | Milgram 1972 | about 4 familiar strangers at one's station | not measured (see below) | — |");
    }

    private static void Traffic(StringBuilder md)
    {
        md.AppendLine("## Traffic on the home street (Appleyard & Lintell 1972; Appleyard 1981)")
            .AppendLine()
            .AppendLine(F($"World: the validation quarter (validation/DigitalTwin.Validation/Worlds/Quarter.cs), {HomeStreetTraffic.Residents} residents, Home Street (300 m, homes on both sides) at 2,000, 8,000 and 16,000 vehicles a day at 30 km/h, all else equal. {ValidationScale.Describe(HomeStreetTraffic.Days)}; crossings from {HomeStreetTraffic.CrossingDays} days of routes a seed."))
            .AppendLine()
            .AppendLine("Mapping: Appleyard's \"friends\" ≈ the engine's nodding contacts or acquaintances; his \"acquaintances\" ≈ any tie (familiar")
            .AppendLine("stranger or better). Only ties between two residents of Home Street count, per resident of Home Street.")
            .AppendLine()
            .AppendLine("| vehicles/day | residents on the street | front-of-house min/resident/day | walks crossing it/day | share of the row's crossings made at it | ties (FS+)/resident | nodding+/resident | ties across the street/resident | share of ties across |")
            .AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var f in HomeStreetTraffic.Figures)
        {
            md.AppendLine(F($"| {f.VehiclesPerDay:N0} | {f.HomeStreetResidents} | {f.FrontOfHouseMinutesPerResidentDay:F2} | {f.CrossingsOfHomeStreetPerDay:F1} | {f.CrossingShareAtHomeStreet:F3} | {f.TiesPerResident:F2} | {f.NoddingOrBetterPerResident:F2} | {f.AcrossTiesPerResident:F2} | {f.AcrossShare:F2} |"));
        }
        var (light, heavy) = (HomeStreetTraffic.Figures[0], HomeStreetTraffic.Figures[^1]);
        md.AppendLine()
            .AppendLine(F($"Study: friends 3.0 vs 0.9 per resident (ratio 0.30), acquaintances 6.3 vs 3.1 (0.49). Engine, heavy / light: nodding+ {Ratio(heavy.NoddingOrBetterPerResident, light.NoddingOrBetterPerResident)}, ties {Ratio(heavy.TiesPerResident, light.TiesPerResident)}, front-of-house time {Ratio(heavy.FrontOfHouseMinutesPerResidentDay, light.FrontOfHouseMinutesPerResidentDay)}."))
            .AppendLine("The engine's front-of-house traffic decay (`planning.frontOfHouseTrafficDecayPerThousandVehicles` = ln(3.0 / 0.9) / 14) was set")
            .AppendLine("from Appleyard's friend ratio, so the front-of-house ratio (e^(−0.086 × 14) ≈ 0.30, times the children's play term) is a")
            .AppendLine("consistency check; the tie ratios are emergent (time in front of the home is one of several places neighbours meet).")
            .AppendLine("Absolute counts are not comparable: Appleyard asked residents of a long-settled street, the engine counts ties formed")
            .AppendLine("in the simulated days only.")
            .AppendLine();
    }

    private static void Frontage(StringBuilder md)
    {
        md.AppendLine("## Active frontage (Gehl, Kaefer & Reigstad 2006)")
            .AppendLine()
            .AppendLine(F($"World: the quarter, {MarketStreetFrontage.Residents} residents, Market Street's three shop segments with passive, residential and active frontage. {ValidationScale.Describe(MarketStreetFrontage.Days)}; speeds from {MarketStreetFrontage.SpeedDays} days of passages a seed."))
            .AppendLine()
            .AppendLine("| frontage | walking passages | stops | stops per 100 passages | speed on the move (m/s) | speed with stops (m/s) |")
            .AppendLine("|---|---|---|---|---|---|");
        foreach (var f in MarketStreetFrontage.Figures)
        {
            md.AppendLine(F($"| {f.Frontage} | {f.WalkPassages:N0} | {f.StreetStops:N0} | {f.StopsPer100Passages:F2} | {f.MovingSpeedMetresPerSecond:F3} | {f.SpeedWithStopsMetresPerSecond:F3} |"));
        }
        var (passive, active) = (MarketStreetFrontage.Figures[0], MarketStreetFrontage.Figures[^1]);
        md.AppendLine()
            .AppendLine(F($"Study: seven times as much activity in front of active facades as in front of passive ones at the same flow; walkers slow down. Engine: stops ratio {Ratio(active.StopsPer100Passages, passive.StopsPer100Passages)}, speed ratio {Ratio(active.SpeedWithStopsMetresPerSecond, passive.SpeedWithStopsMetresPerSecond)} (with stops), {Ratio(active.MovingSpeedMetresPerSecond, passive.MovingSpeedMetresPerSecond)} (on the move)."))
            .AppendLine("Consistency check: `streetLife.stopsPer100MetresPassive` is set to the active rate / 7 from the same study and")
            .AppendLine("`streetLife.activeFrontagePace` (0.9) is reasoned after it. The ratio per passage differs from 7 where pavement width or")
            .AppendLine("a stop's timing changes the count (a stop that would run past midnight is not made).")
            .AppendLine();
    }

    private static void Dark(StringBuilder md)
    {
        var (june, december, unlit) = (Darkness.June, Darkness.December, Darkness.DecemberUnlit);
        md.AppendLine("## Darkness (Uttley & Fotios 2017)")
            .AppendLine()
            .AppendLine(F($"World: the quarter, {Darkness.Residents} residents, simulated from 21 June (day 172) and from 21 December (day 355), all streets lit, and December with all streets unlit. Passages on all segments in the clock hour 18:00–19:00 (daylight in June, dark in December) and 12:00–13:00 (light on both: control). {ValidationScale.Describe(Darkness.Days)}."))
            .AppendLine()
            .AppendLine("| run | walk 18–19 h | bike 18–19 h | walk 12–13 h | bike 12–13 h |")
            .AppendLine("|---|---|---|---|---|");
        foreach (var h in (HourCounts[])[june, december, unlit])
        {
            md.AppendLine(F($"| {h.Label} | {h.WalkAtHour:N0} | {h.BikeAtHour:N0} | {h.WalkAtNoon:N0} | {h.BikeAtNoon:N0} |"));
        }
        md.AppendLine()
            .AppendLine(F($"Study: after dark / daylight at the same clock hour 0.62 for pedestrians (62 % more in daylight), 0.72 for cyclists (38 % more). Engine (lit streets), December / June at 18–19 h: walking {Ratio(december.WalkAtHour, june.WalkAtHour)}, cycling {Ratio(december.BikeAtHour, june.BikeAtHour)}; control hour 12–13 h: walking {Ratio(december.WalkAtNoon, june.WalkAtNoon)}, cycling {Ratio(december.BikeAtNoon, june.BikeAtNoon)}. Unlit / lit in December at 18–19 h: walking {Ratio(unlit.WalkAtHour, december.WalkAtHour)}, cycling {Ratio(unlit.BikeAtHour, december.BikeAtHour)}."))
            .AppendLine("Half of the study's log-ratio is set on discretionary outings after dark (`planning.darkOutingRetention`) and half on")
            .AppendLine("mode choice (`modeChoice.darkWalkUtility`, `modeChoice.darkBikeUtility`): the engine's ratio is their combined result,")
            .AppendLine("diluted by trips that do not depend on light (work, school) and by walkers who switch mode rather than stay in.")
            .AppendLine();
    }

    private static void Crossing(StringBuilder md)
    {
        var p = new RouteCostParameters();
        md.AppendLine("## Crossing delay (HCM 2010 ch. 19; Broach & Dill 2015)")
            .AppendLine()
            .AppendLine(F($"The engine's `RouteCostModel.CrossingWaitSeconds` next to the HCM 2010 gap-acceptance delay computed here from the formula, d = (e^(qτ) − qτ − 1) / q, q = vehicles/day / ({p.TrafficHoursPerDay} h × 3600 s), τ = width / 1.07 m/s + 3 s, capped at {p.MaximumCrossingWaitSeconds} s; and the perceived metres the route cost charges (wait × {p.CrossingWaitMetresPerSecond} m/s)."))
            .AppendLine()
            .AppendLine("| vehicles/day | carriageway (m) | engine wait (s) | formula (s) | perceived metres |")
            .AppendLine("|---|---|---|---|---|");
        foreach (double width in (double[])[5.5, 7])
        {
            foreach (double vehicles in (double[])[2_000, 8_000, 16_000, 20_000])
            {
                double engine = RouteCostModel.CrossingWaitSeconds(vehicles, width, p);
                md.AppendLine(F($"| {vehicles:N0} | {width} | {engine:F2} | {HcmDelaySeconds(vehicles, width):F2} | {engine * p.CrossingWaitMetresPerSecond:F1} |"));
            }
        }
        md.AppendLine()
            .AppendLine("Broach & Dill (2015) found an unsignalised crossing of a busy road weighs about as much as 70 m of extra walking. The")
            .AppendLine(F($"engine's perceived cost at 20,000 vehicles a day over 7 m is {RouteCostModel.CrossingWaitSeconds(20_000, 7, p) * p.CrossingWaitMetresPerSecond:F0} m (16,000 over 7 m: {RouteCostModel.CrossingWaitSeconds(16_000, 7, p) * p.CrossingWaitMetresPerSecond:F0} m); it is not set from Broach & Dill, so the comparison is emergent (and the engine charges more than they found above about 15,000 vehicles a day)."))
            .AppendLine("A straight crossing at a junction is charged half the wait of each arm not walked along (so both arms of a road: its")
            .AppendLine("full wait); turning onto or off it, a quarter.")
            .AppendLine();
    }

    private static void Routine(StringBuilder md)
    {
        md.AppendLine("## Routines (Axhausen et al. 2002; Milgram 1972)")
            .AppendLine()
            .AppendLine(F($"World: the quarter, {Routines.Residents} residents, {ValidationScale.Describe(Routines.Days)}, with the day-to-day spread of habitual times at 0 min (perfect habits), 10 min (the engine's default, from Axhausen et al. 2002) and 180 min (no habit: every activity's whole spread drawn afresh each day). Pairs of residents of different households that came within social distance on a day (encounters as detected, before attention)."))
            .AppendLine()
            .AppendLine(F($"| day-to-day spread (min) | pair-days | met again next day | of those, within {Routines.SameTimeMinutes} min of the first day's time | median clock-time gap (min) |"))
            .AppendLine("|---|---|---|---|---|");
        foreach (var f in Routines.Figures)
        {
            md.AppendLine(F($"| {f.DayToDaySpreadMinutes} | {f.PairDays:N0} | {f.MetAgainNextDayShare:F3} | {f.SameTimeShare:F3} | {f.MedianGapMinutes:F1} |"));
        }
        md.AppendLine()
            .AppendLine("No study figure to compare: the check is of direction (habits make the same people meet at the same time again,")
            .AppendLine("Milgram's mechanism for familiar strangers). The spread itself is set from Axhausen et al. 2002.")
            .AppendLine();
    }

    private static void Crowd(StringBuilder md)
    {
        md.AppendLine("## Crowds and attention (Pylyshyn & Storm 1988; Milgram 1970)")
            .AppendLine()
            .AppendLine(F($"World: the quarter at 2, 6 and 18 dwellings a home with {Crowds.ResidentsPerDwellingLevel} residents per level, {ValidationScale.Describe(Crowds.Days)}. Encounters on Market Street's pavements; the noticed share is the mean of the engine's attention chance (`AttentionModel.Probability`) over them."))
            .AppendLine()
            .AppendLine("| residents | encounters on Market Street | mean crowding | noticed share |")
            .AppendLine("|---|---|---|---|");
        foreach (var f in Crowds.Figures)
        {
            md.AppendLine(F($"| {f.Residents:N0} | {f.StreetEncounters:N0} | {f.MeanCrowding:F2} | {f.NoticedShare:F3} |"));
        }
        md.AppendLine()
            .AppendLine("No field figure to compare: the attention capacity (4 people) is from Pylyshyn & Storm 1988; the check is of direction.")
            .AppendLine();
    }

    private static void Milgram(StringBuilder md) =>
        md.AppendLine("## Familiar strangers at a stop (Milgram 1972): not measured")
            .AppendLine()
            .AppendLine("Milgram's commuters reported about 4 familiar strangers at their station whom they had never spoken to. In the")
            .AppendLine("engine, residents who leave the map by public transport walk to their nearest stop and wait there")
            .AppendLine("(`modeChoice.transitWaitMinutes`), but the validation quarter has no stop, so the figure is not measured yet: a world")
            .AppendLine("with a stop and commuters whose familiar strangers are counted among those waiting with them is the check to add.");

    /// <summary>HCM 2010 ch. 19 pedestrian gap-acceptance delay, written out here independently of the engine.</summary>
    private static double HcmDelaySeconds(double vehiclesPerDay, double carriagewayMetres)
    {
        double q = vehiclesPerDay / (16 * 3600.0);
        double tau = (carriagewayMetres / 1.07) + 3;
        return Math.Min(60, (Math.Exp(q * tau) - (q * tau) - 1) / q);
    }

    private static string Ratio(double a, double b) => b > 0 ? (a / b).ToString("F2", Invariant) : "n/a";

    private static string F(FormattableString s) => s.ToString(Invariant);

    private static string EngineCommit()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse --short HEAD")
            {
                WorkingDirectory = RepositoryFiles.Root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            string? commit = git?.StandardOutput.ReadLine();
            git?.WaitForExit();
            return string.IsNullOrWhiteSpace(commit) ? "unknown" : commit.Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown (no git)";
        }
    }
}

/// <summary>Writes validation/results.md when <c>TWIN_VALIDATION_REPORT=1</c>; otherwise does nothing.</summary>
public sealed class ResultsReportWriter
{
    [Fact]
    public void Writes_the_results_when_asked()
    {
        if (!ValidationScale.WritesReport)
        {
            return;
        }
        string markdown = ResultsReport.Build();
        File.WriteAllText(ResultsReport.Path, markdown);
        Assert.True(File.Exists(ResultsReport.Path));
    }
}
