namespace DigitalTwin.Engine.Network;

/// <summary>
/// A local projection to metres: an equirectangular (plate carrée) projection about the area's centre, with the
/// WGS84 meridional and prime-vertical radii of curvature at the centre latitude. Across a neighbourhood of a few
/// kilometres the scale error stays below 0.05 %, smaller than OSM's own positional accuracy, and it needs no
/// projection library. x grows east, y grows north, both in metres from the centre.
/// </summary>
public readonly record struct GeoReference(double CentreLongitude, double CentreLatitude)
{
    private const double SemiMajorAxisMetres = 6_378_137.0; // WGS84
    private const double EccentricitySquared = 6.69437999014e-3; // WGS84

    private double MetresPerDegreeLatitude
    {
        get
        {
            double phi = CentreLatitude * Math.PI / 180;
            double w = 1 - EccentricitySquared * Math.Sin(phi) * Math.Sin(phi);
            return SemiMajorAxisMetres * (1 - EccentricitySquared) / Math.Pow(w, 1.5) * Math.PI / 180;
        }
    }

    private double MetresPerDegreeLongitude
    {
        get
        {
            double phi = CentreLatitude * Math.PI / 180;
            double w = 1 - EccentricitySquared * Math.Sin(phi) * Math.Sin(phi);
            return SemiMajorAxisMetres / Math.Sqrt(w) * Math.Cos(phi) * Math.PI / 180;
        }
    }

    public (double X, double Y) Project(double longitude, double latitude) =>
        ((longitude - CentreLongitude) * MetresPerDegreeLongitude, (latitude - CentreLatitude) * MetresPerDegreeLatitude);

    public (double Longitude, double Latitude) Unproject(double x, double y) =>
        (CentreLongitude + x / MetresPerDegreeLongitude, CentreLatitude + y / MetresPerDegreeLatitude);
}
