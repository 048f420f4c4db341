using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Planning;

/// <summary>
/// The dates of a run and their light: which weekday and day of the year each simulated day is, when the sun rises
/// and sets there (<see cref="Daylight"/>), and whether a clock time is dark. Dark means more than
/// <see cref="TwilightSeconds"/> after sunset or before sunrise (civil twilight: faces are still recognised, and
/// people still treat it as day). Planning, mode choice, routing and the nod model all ask the same calendar, so a walk
/// that is "after dark" for one of them is after dark for all.
/// </summary>
internal sealed class Calendar
{
    private readonly (double Sunrise, double Sunset)[] _sunByDayOfYear = new (double, double)[366];

    /// <param name="place">Where the sun is computed (the map's centre).</param>
    /// <param name="firstDayOfYear">Day of year (1–365) of the run's day 0.</param>
    /// <param name="firstWeekday">Weekday of day 0: 0 is Monday, 6 Sunday.</param>
    /// <param name="twilightSeconds">Civil twilight after sunset and before sunrise that still counts as light.</param>
    public Calendar(GeoReference place, int firstDayOfYear, int firstWeekday, double twilightSeconds)
    {
        FirstDayOfYear = firstDayOfYear;
        FirstWeekday = firstWeekday;
        TwilightSeconds = twilightSeconds;
        for (int d = 0; d < _sunByDayOfYear.Length; d++)
        {
            _sunByDayOfYear[d] = Daylight.SunTimes(place.CentreLatitude, place.CentreLongitude, d + 1);
        }
    }

    public int FirstDayOfYear { get; }

    public int FirstWeekday { get; }

    public double TwilightSeconds { get; }

    /// <summary>Day of year (1–365) of a day of the run.</summary>
    public int DayOfYear(int day) => ((FirstDayOfYear - 1 + day) % 365) + 1;

    /// <summary>0 Monday … 6 Sunday.</summary>
    public int Weekday(int day) => (FirstWeekday + day) % 7;

    /// <summary>Sunrise and sunset of a day of the run, seconds after local midnight.</summary>
    public (double Sunrise, double Sunset) SunTimes(int day) => _sunByDayOfYear[DayOfYear(day) - 1];

    /// <summary>True when <paramref name="secondsOfDay"/> lies outside sunrise − twilight … sunset + twilight.</summary>
    public bool IsDark(int day, double secondsOfDay)
    {
        var (sunrise, sunset) = SunTimes(day);
        return secondsOfDay < sunrise - TwilightSeconds || secondsOfDay > sunset + TwilightSeconds;
    }
}
