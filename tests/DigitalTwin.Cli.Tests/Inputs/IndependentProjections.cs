namespace DigitalTwin.Cli.Tests.Inputs;

/// <summary>
/// The projections worked out here without ProjNET, to check it against: the RD New approximation formulas, the
/// spherical Web Mercator and the Krüger series of the transverse Mercator (UTM). Each is a published closed form.
/// </summary>
internal static class IndependentProjections
{
    /// <summary>The RD origin (Amersfoort, 155000, 463000) in WGS84, as the approximation formulas give it.</summary>
    public const double AmersfoortLatitude = 52.15517440;
    public const double AmersfoortLongitude = 5.38720621;

    // Schreutelkamp & Strang van Hees (2001), "Benaderingsformules voor de transformatie tussen RD- en
    // WGS84-kaartcoördinaten", Geodesia 43 (2): polynomials in (dx, dy) = 1e-5 × (x − 155000, y − 463000), terms in
    // arc-seconds; their stated accuracy is better than a metre across the Netherlands.
    private static readonly (int P, int Q, double K)[] Latitude =
    [
        (0, 1, 3235.65389), (2, 0, -32.58297), (0, 2, -0.24750), (2, 1, -0.84978), (0, 3, -0.06550), (2, 2, -0.01709),
        (1, 0, -0.00738), (4, 0, 0.00530), (2, 3, -0.00039), (4, 1, 0.00033), (1, 1, -0.00012),
    ];

    private static readonly (int P, int Q, double L)[] Longitude =
    [
        (1, 0, 5260.52916), (1, 1, 105.94684), (1, 2, 2.45656), (3, 0, -0.81885), (1, 3, 0.05594), (3, 1, -0.05607),
        (0, 1, 0.01199), (3, 2, -0.00256), (1, 4, 0.00128), (0, 2, 0.00022), (2, 0, -0.00022), (5, 0, 0.00026),
    ];

    // The inverse, in (dφ, dλ) = 0.36 × (φ − 52.15517440, λ − 5.38720621) degrees, terms in metres.
    private static readonly (int P, int Q, double R)[] Easting =
    [
        (0, 1, 190094.945), (1, 1, -11832.228), (2, 1, -114.221), (0, 3, -32.391), (1, 0, -0.705), (3, 1, -2.340),
        (1, 3, -0.608), (0, 2, -0.008), (2, 3, 0.148),
    ];

    private static readonly (int P, int Q, double S)[] Northing =
    [
        (1, 0, 309056.544), (0, 2, 3638.893), (2, 0, 73.077), (1, 2, -157.984), (3, 0, 59.788), (0, 1, 0.433),
        (2, 2, -6.439), (1, 1, -0.032), (0, 4, 0.092), (1, 4, -0.054),
    ];

    public static (double Longitude, double Latitude) RdToWgs84(double x, double y)
    {
        double dx = (x - 155000) * 1e-5, dy = (y - 463000) * 1e-5;
        double latitude = AmersfoortLatitude + Latitude.Sum(t => t.K * Math.Pow(dx, t.P) * Math.Pow(dy, t.Q)) / 3600;
        double longitude = AmersfoortLongitude + Longitude.Sum(t => t.L * Math.Pow(dx, t.P) * Math.Pow(dy, t.Q)) / 3600;
        return (longitude, latitude);
    }

    public static (double X, double Y) Wgs84ToRd(double longitude, double latitude)
    {
        double dPhi = 0.36 * (latitude - AmersfoortLatitude), dLambda = 0.36 * (longitude - AmersfoortLongitude);
        return (155000 + Easting.Sum(t => t.R * Math.Pow(dPhi, t.P) * Math.Pow(dLambda, t.Q)),
            463000 + Northing.Sum(t => t.S * Math.Pow(dPhi, t.P) * Math.Pow(dLambda, t.Q)));
    }

    /// <summary>EPSG:3857: the WGS84 semi-major axis as the sphere's radius (EPSG guidance note 7-2, method 1024).</summary>
    public static (double Longitude, double Latitude) WebMercatorToWgs84(double x, double y)
    {
        const double R = 6_378_137;
        return (x / R * 180 / Math.PI, (2 * Math.Atan(Math.Exp(y / R)) - Math.PI / 2) * 180 / Math.PI);
    }

    /// <summary>
    /// WGS84 UTM, northern zones, by Krüger's series to third order in n (Karney 2011 shows it good to a few
    /// millimetres within a zone): easting and northing in metres.
    /// </summary>
    public static (double X, double Y) Wgs84ToUtm(double longitude, double latitude, int zone)
    {
        const double a = 6_378_137, f = 1 / 298.257223563, k0 = 0.9996;
        double n = f / (2 - f);
        double bigA = a / (1 + n) * (1 + (n * n / 4) + (n * n * n * n / 64));
        double[] alpha = [n / 2 - (2 * n * n / 3) + (5 * n * n * n / 16), (13 * n * n / 48) - (3 * n * n * n / 5), 61 * n * n * n / 240];
        double phi = latitude * Math.PI / 180;
        double lambda = (longitude - ((zone * 6) - 183)) * Math.PI / 180;
        double c = 2 * Math.Sqrt(n) / (1 + n);
        double t = Math.Sinh(Math.Atanh(Math.Sin(phi)) - (c * Math.Atanh(c * Math.Sin(phi))));
        double xi = Math.Atan(t / Math.Cos(lambda));
        double eta = Math.Atanh(Math.Sin(lambda) / Math.Sqrt(1 + (t * t)));
        double easting = eta, northing = xi;
        for (int j = 1; j <= 3; j++)
        {
            easting += alpha[j - 1] * Math.Cos(2 * j * xi) * Math.Sinh(2 * j * eta);
            northing += alpha[j - 1] * Math.Sin(2 * j * xi) * Math.Cosh(2 * j * eta);
        }
        return (500_000 + (k0 * bigA * easting), k0 * bigA * northing);
    }

    /// <summary>Metres between two WGS84 points (haversine on the mean earth radius: well within 0.5 % at these distances).</summary>
    public static double Metres((double Longitude, double Latitude) a, (double Longitude, double Latitude) b)
    {
        const double R = 6_371_008.8;
        double p1 = a.Latitude * Math.PI / 180, p2 = b.Latitude * Math.PI / 180;
        double dp = p2 - p1, dl = (b.Longitude - a.Longitude) * Math.PI / 180;
        double h = (Math.Sin(dp / 2) * Math.Sin(dp / 2)) + (Math.Cos(p1) * Math.Cos(p2) * Math.Sin(dl / 2) * Math.Sin(dl / 2));
        return 2 * R * Math.Asin(Math.Sqrt(h));
    }
}
