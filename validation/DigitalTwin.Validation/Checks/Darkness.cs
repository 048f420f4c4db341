using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Simulation;
using DigitalTwin.Validation.Worlds;

namespace DigitalTwin.Validation.Checks;

/// <summary>Walking and cycling passages (all segments, summed over days and replications) in one clock hour.</summary>
public sealed record HourCounts(string Label, int FirstDayOfYear, Lighting Lighting, long WalkAtHour, long BikeAtHour, long WalkAtNoon, long BikeAtNoon);

/// <summary>
/// The same <see cref="Quarter"/> simulated from 21 June (day 172: 18:00–19:00 is broad daylight in Delft) and from
/// 21 December (day 355: it is dark by then), with all streets lit, and once more in December with all streets unlit.
/// Uttley &amp; Fotios (2017) compared counts in the same clock hour either side of the clock change; here the hour is
/// 18:00–19:00 and 12:00–13:00 (light on both dates) is the control.
/// </summary>
public static class Darkness
{
    public const int Hour = 18;
    public const int NoonHour = 12;
    public const int Residents = 1_200;
    public const int JuneDay = 172;
    public const int DecemberDay = 355;

    public static int Days => ValidationScale.Days(14, 28);

    private static readonly Lazy<(HourCounts June, HourCounts December, HourCounts DecemberUnlit)> Cached = new(() =>
        (Measure("21 June, lit", JuneDay, Lighting.Lit), Measure("21 December, lit", DecemberDay, Lighting.Lit), Measure("21 December, unlit", DecemberDay, Lighting.Unlit)));

    public static HourCounts June => Cached.Value.June;

    public static HourCounts December => Cached.Value.December;

    public static HourCounts DecemberUnlit => Cached.Value.DecemberUnlit;

    private static HourCounts Measure(string label, int firstDayOfYear, Lighting lighting)
    {
        long walk = 0, bike = 0, walkNoon = 0, bikeNoon = 0;
        var parameters = SimulationParameters.Default.With([new("planning.firstDayOfYear", firstDayOfYear)]);
        foreach (ulong seed in ValidationScale.Seeds)
        {
            var world = Quarter.World(Residents, seed, dwellingsPerHome: 2).WithStreets((_, a) => a with { Lighting = lighting });
            var streets = world.Run(Days, seed, parameters: parameters).Streets;
            for (int s = 0; s < streets.SegmentCount; s++)
            {
                walk += streets.WalkPassagesByHour[(s * 24) + Hour];
                bike += streets.BikePassagesByHour[(s * 24) + Hour];
                walkNoon += streets.WalkPassagesByHour[(s * 24) + NoonHour];
                bikeNoon += streets.BikePassagesByHour[(s * 24) + NoonHour];
            }
        }
        return new HourCounts(label, firstDayOfYear, lighting, walk, bike, walkNoon, bikeNoon);
    }
}

/// <summary>Darkness: fewer walks and rides at the same clock hour, fewer still on unlit streets.</summary>
public sealed class DarknessChecks
{
    [Fact]
    public void Fewer_walks_after_dark_than_in_daylight_at_the_same_hour()
    {
        var (june, december) = (Darkness.June, Darkness.December);
        Assert.True(june.WalkAtHour > 500, $"too few walking passages at 18:00 to compare: {june.WalkAtHour}");
        Assert.True(december.WalkAtHour < june.WalkAtHour, $"walking passages 18:00–19:00: December {december.WalkAtHour}, June {june.WalkAtHour}");
    }

    [Fact]
    public void Fewer_rides_after_dark_than_in_daylight_at_the_same_hour()
    {
        var (june, december) = (Darkness.June, Darkness.December);
        Assert.True(december.BikeAtHour < june.BikeAtHour, $"cycling passages 18:00–19:00: December {december.BikeAtHour}, June {june.BikeAtHour}");
    }

    [Fact]
    public void The_same_hour_in_daylight_on_both_dates_is_about_as_busy()
    {
        var (june, december) = (Darkness.June, Darkness.December);
        double ratio = (double)december.WalkAtNoon / june.WalkAtNoon;
        Assert.InRange(ratio, 0.9, 1.1);
    }

    [Fact]
    public void Fewer_walks_after_dark_on_unlit_streets_than_on_lit_ones()
    {
        var (lit, unlit) = (Darkness.December, Darkness.DecemberUnlit);
        Assert.True(unlit.WalkAtHour < lit.WalkAtHour, $"walking passages 18:00–19:00 in December: unlit {unlit.WalkAtHour}, lit {lit.WalkAtHour}");
    }
}
