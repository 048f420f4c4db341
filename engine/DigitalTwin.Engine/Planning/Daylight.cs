namespace DigitalTwin.Engine.Planning;

/// <summary>
/// Sunrise and sunset from latitude and day of year (the NOAA approximation: solar declination from the day
/// angle, sunrise at a solar altitude of −0.833°, civil clock time in the Dutch time zone incl. summer time).
/// Accurate to a few minutes, which is all "is it dark on this walk" needs.
/// </summary>
internal static class Daylight
{
    /// <summary>Sunrise and sunset in seconds after local midnight.</summary>
    public static (double SunriseSeconds, double SunsetSeconds) SunTimes(double latitudeDegrees, double longitudeDegrees, int dayOfYear)
    {
        double gamma = 2 * Math.PI / 365 * (dayOfYear - 1);
        double declination = 0.006918 - (0.399912 * Math.Cos(gamma)) + (0.070257 * Math.Sin(gamma))
            - (0.006758 * Math.Cos(2 * gamma)) + (0.000907 * Math.Sin(2 * gamma))
            - (0.002697 * Math.Cos(3 * gamma)) + (0.00148 * Math.Sin(3 * gamma));
        double equationOfTimeMinutes = 229.18 * (0.000075 + (0.001868 * Math.Cos(gamma)) - (0.032077 * Math.Sin(gamma))
            - (0.014615 * Math.Cos(2 * gamma)) - (0.040849 * Math.Sin(2 * gamma)));
        double phi = latitudeDegrees * Math.PI / 180;
        double cosHourAngle = (Math.Cos(90.833 * Math.PI / 180) / (Math.Cos(phi) * Math.Cos(declination))) - (Math.Tan(phi) * Math.Tan(declination));
        double hourAngle = Math.Acos(Math.Clamp(cosHourAngle, -1, 1)) * 180 / Math.PI;
        // Central European Time, and summer time from the last Sunday of March to the last of October (approx. days 88-300).
        double utcOffsetMinutes = dayOfYear is >= 88 and < 300 ? 120 : 60;
        double noonMinutes = 720 - (4 * longitudeDegrees) - equationOfTimeMinutes + utcOffsetMinutes;
        return ((noonMinutes - (4 * hourAngle)) * 60, (noonMinutes + (4 * hourAngle)) * 60);
    }
}
