namespace DigitalTwin.Engine.IO;

/// <summary>
/// Coordinate systems a map may be written in besides WGS84 longitude/latitude, each with its conversion to WGS84.
/// GeoJSON is WGS84 by definition (RFC 7946), but QGIS and GDAL write Dutch data in RD New with a <c>crs</c> member;
/// the engine carries no projection library, so whoever loads a map (the command line, with ProjNET) supplies one.
/// </summary>
public interface ICoordinateSystems
{
    /// <summary>The systems known, for the message that refuses another, e.g. "RD New (EPSG:28992), Web Mercator (EPSG:3857)".</summary>
    string Known { get; }

    /// <summary>The conversion from the system with this EPSG code, or null when it is not one of <see cref="Known"/>.</summary>
    ICoordinateConversion? FromEpsg(int code);
}

/// <summary>One coordinate system's conversion to WGS84 longitude/latitude.</summary>
public interface ICoordinateConversion
{
    /// <summary>The system in words, with its code: "RD New (EPSG:28992)".</summary>
    string Name { get; }

    /// <summary>
    /// Where the system is meant to be used, in WGS84 degrees, with a margin: a point converted to far outside it was
    /// not written in this system (a file whose <c>crs</c> says RD New but holds degrees lands in Burgundy).
    /// </summary>
    (double West, double South, double East, double North) AreaOfUse { get; }

    /// <summary>The point (x: easting, y: northing, in the system's units) as WGS84 degrees.</summary>
    (double Longitude, double Latitude) ToWgs84(double x, double y);
}
