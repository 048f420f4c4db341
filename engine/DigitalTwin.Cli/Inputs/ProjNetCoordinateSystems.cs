using DigitalTwin.Engine.IO;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;
using ProjNet.IO.CoordinateSystems;

namespace DigitalTwin.Cli.Inputs;

/// <summary>
/// The coordinate systems a GeoJSON map may be written in besides WGS84, reprojected with ProjNET: RD New (the Dutch
/// national grid, what Dutch municipalities and PDOK publish), Web Mercator (web maps) and UTM zones 31N and 32N (the
/// Netherlands and its neighbours in WGS84 UTM). Anything else stays refused, naming the system.
/// </summary>
internal sealed class ProjNetCoordinateSystems : ICoordinateSystems
{
    /// <summary>
    /// EPSG:28992 as EPSG and GDAL write it in WKT 1: Oblique Stereographic on the Bessel 1841 ellipsoid, with the
    /// seven-parameter shift to WGS84 (position vector, EPSG:1672's 565.417, 50.3319, 465.552 m, −0.398957, 0.343988,
    /// −1.8774″, 4.0725 ppm), good to about a metre; RDNAPTRANS™ with its correction grid does better, but needs the grid.
    /// </summary>
    internal const string RdNewWkt = """
        PROJCS["Amersfoort / RD New",
          GEOGCS["Amersfoort",
            DATUM["Amersfoort",
              SPHEROID["Bessel 1841",6377397.155,299.1528128,AUTHORITY["EPSG","7004"]],
              TOWGS84[565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725],
              AUTHORITY["EPSG","6289"]],
            PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],
            UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],
            AUTHORITY["EPSG","4289"]],
          PROJECTION["Oblique_Stereographic"],
          PARAMETER["latitude_of_origin",52.1561605555556],
          PARAMETER["central_meridian",5.38763888888889],
          PARAMETER["scale_factor",0.9999079],
          PARAMETER["false_easting",155000],
          PARAMETER["false_northing",463000],
          UNIT["metre",1,AUTHORITY["EPSG","9001"]],
          AXIS["Easting",EAST],
          AXIS["Northing",NORTH],
          AUTHORITY["EPSG","28992"]]
        """;

    public static ProjNetCoordinateSystems Instance { get; } = new();

    public string Known => "RD New (EPSG:28992), Web Mercator (EPSG:3857), UTM zones 31N and 32N (EPSG:32631, EPSG:32632)";

    /// <summary>
    /// A fresh conversion per call: a ProjNET transform is not documented as safe to share between threads, and a
    /// comparison may import maps in parallel. Areas of use are EPSG's with a margin (half a degree around the
    /// Netherlands; three degrees beside a UTM zone, where it is still used).
    /// </summary>
    public ICoordinateConversion? FromEpsg(int code) => code switch
    {
        28992 => new Conversion("RD New (EPSG:28992)", (2.7, 50.25, 7.72, 54.2), (CoordinateSystem)CoordinateSystemWktReader.Parse(RdNewWkt)),
        3857 => new Conversion("Web Mercator (EPSG:3857)", (-180, -85.06, 180, 85.06), ProjectedCoordinateSystem.WebMercator),
        32631 => new Conversion("UTM zone 31N (EPSG:32631)", (-3, -1, 9, 84.5), ProjectedCoordinateSystem.WGS84_UTM(31, true)),
        32632 => new Conversion("UTM zone 32N (EPSG:32632)", (3, -1, 15, 84.5), ProjectedCoordinateSystem.WGS84_UTM(32, true)),
        _ => null,
    };

    private sealed class Conversion(string name, (double West, double South, double East, double North) area, CoordinateSystem source) : ICoordinateConversion
    {
        private readonly MathTransform _toWgs84 = new CoordinateTransformationFactory()
            .CreateFromCoordinateSystems(source, GeographicCoordinateSystem.WGS84).MathTransform;

        public string Name { get; } = name;

        public (double West, double South, double East, double North) AreaOfUse { get; } = area;

        /// <summary>
        /// Every finite pair converts (far off, a stereographic or transverse Mercator point lands anywhere on earth, which
        /// the importer's area check refuses); ProjNET throws a bare Exception on NaN or infinity, which are no position.
        /// </summary>
        public (double Longitude, double Latitude) ToWgs84(double x, double y) =>
            double.IsFinite(x) && double.IsFinite(y) ? _toWgs84.Transform(x, y) : (double.NaN, double.NaN);
    }
}
