using System.Globalization;
using DigitalTwin.Cli.Inputs;
using DigitalTwin.Engine.IO;
using Xunit.Abstractions;

namespace DigitalTwin.Cli.Tests.Inputs;

/// <summary>
/// ProjNET's conversions against known positions and against closed forms worked out without it
/// (<see cref="IndependentProjections"/>), each with the worst difference printed.
/// </summary>
public sealed class ProjNetCoordinateSystemsTests(ITestOutputHelper log)
{
    private static ICoordinateConversion System(int code) => ProjNetCoordinateSystems.Instance.FromEpsg(code)
        ?? throw new Xunit.Sdk.XunitException($"EPSG:{code} is not known");

    private void Log(string text) => log.WriteLine(text);

    [Fact]
    public void The_rd_origin_in_amersfoort_lies_within_a_metre_of_its_published_position()
    {
        var converted = System(28992).ToWgs84(155000, 463000);

        double metres = IndependentProjections.Metres(converted, (IndependentProjections.AmersfoortLongitude, IndependentProjections.AmersfoortLatitude));

        Log(string.Create(CultureInfo.InvariantCulture, $"RD (155000, 463000) -> {converted.Latitude:0.00000000} N, {converted.Longitude:0.00000000} E: {metres:0.000} m from 52.15517440 N, 5.38720621 E"));
        Assert.True(metres < 1, $"{metres} m");
    }

    [Fact]
    public void Rd_new_agrees_with_the_approximation_formulas_across_the_netherlands()
    {
        double worst = 0;
        for (double x = 20_000; x <= 280_000; x += 20_000)
        {
            for (double y = 310_000; y <= 610_000; y += 20_000)
            {
                worst = Math.Max(worst, IndependentProjections.Metres(System(28992).ToWgs84(x, y), IndependentProjections.RdToWgs84(x, y)));
            }
        }

        Log(string.Create(CultureInfo.InvariantCulture, $"RD New, ProjNET against the approximation formulas on a 20 km grid: at most {worst:0.000} m apart"));
        Assert.True(worst < 1, $"{worst} m");
    }

    [Fact]
    public void Web_mercator_is_the_spherical_mercator()
    {
        double worst = 0;
        foreach (var (x, y) in new[] { (486_500.0, 6_800_000.0), (0.0, 0.0), (-8_238_000.0, 4_970_000.0), (15_000_000.0, -4_000_000.0) })
        {
            worst = Math.Max(worst, IndependentProjections.Metres(System(3857).ToWgs84(x, y), IndependentProjections.WebMercatorToWgs84(x, y)));
        }

        Log(string.Create(CultureInfo.InvariantCulture, $"Web Mercator, ProjNET against the closed form: at most {worst * 1000:0.000} mm apart"));
        Assert.True(worst < 0.001, $"{worst} m");
    }

    [Theory]
    [InlineData(32631, 31, 4.3571, 52.0116)] // Delft
    [InlineData(32631, 31, 0.5, 44.0)]
    [InlineData(32632, 32, 6.9603, 50.9375)] // Cologne
    [InlineData(32632, 32, 11.5, 60.0)]
    public void Utm_agrees_with_the_kruger_series(int code, int zone, double longitude, double latitude)
    {
        var (x, y) = IndependentProjections.Wgs84ToUtm(longitude, latitude, zone);

        double metres = IndependentProjections.Metres(System(code).ToWgs84(x, y), (longitude, latitude));

        Log(string.Create(CultureInfo.InvariantCulture, $"EPSG:{code} ({x:0.000}, {y:0.000}) -> {metres * 1000:0.000} mm from ({longitude}, {latitude})"));
        Assert.True(metres < 0.01, $"{metres} m");
    }

    [Theory]
    [InlineData(2154)] // Lambert-93, France
    [InlineData(25831)] // ETRS89 / UTM 31N: close to 32631, but not the same system
    [InlineData(4326)] // WGS84 itself needs no conversion
    public void Other_systems_are_not_offered(int code) => Assert.Null(ProjNetCoordinateSystems.Instance.FromEpsg(code));

    [Theory]
    [InlineData(28992)]
    [InlineData(32631)]
    [InlineData(3857)]
    public void A_pair_that_is_not_two_numbers_is_no_position_rather_than_an_exception(int code)
    {
        var converted = System(code).ToWgs84(double.NaN, 463000);
        var infinite = System(code).ToWgs84(155000, double.PositiveInfinity);

        Assert.True(double.IsNaN(converted.Longitude) && double.IsNaN(converted.Latitude), $"({converted.Longitude}, {converted.Latitude})");
        Assert.True(double.IsNaN(infinite.Longitude) && double.IsNaN(infinite.Latitude), $"({infinite.Longitude}, {infinite.Latitude})");
    }
}
