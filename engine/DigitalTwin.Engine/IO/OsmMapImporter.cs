using OsmSharp;
using OsmSharp.Streams;
using OsmSharp.Tags;

namespace DigitalTwin.Engine.IO;

/// <summary>
/// Reads OpenStreetMap files (.osm.pbf and .osm XML, with OsmSharp) into a <see cref="RawMap"/>: every node's
/// coordinates (ways need them), every way's tags and node list, every tagged node as a point, and multipolygon
/// relations with their members (the untagged member ways' node lists kept for them). Interpretation
/// happens later, in <see cref="NeighbourhoodAssembler"/>, the same for OSM and GeoJSON.
/// </summary>
internal static class OsmMapImporter
{
    public static InputResult<RawMap> ReadPbf(string path) => Read(path, stream => new PBFOsmStreamSource(stream));

    public static InputResult<RawMap> ReadXml(string path) => Read(path, stream => new XmlOsmStreamSource(stream));

    private static InputResult<RawMap> Read(string path, Func<Stream, OsmStreamSource> open)
    {
        var map = new RawMap();
        try
        {
            using var stream = File.OpenRead(path);
            using OsmStreamSource source = open(stream);
            foreach (OsmGeo element in source)
            {
                Add(map, element);
            }
        }
        catch (EndOfStreamException e)
        {
            return InputResult<RawMap>.Failure(new InputProblem(path, string.Empty,
                $"the file is not a readable OpenStreetMap file (it ends in the middle of a block: {e.Message})",
                "the download may be incomplete; fetch or export it again"));
        }
        catch (ImpossibleCoordinatesException e)
        {
            return InputResult<RawMap>.Failure(new InputProblem(path, string.Empty, e.Message, "fix or remove that node, or export the map again"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return InputResult<RawMap>.Failure(new InputProblem(path, string.Empty, $"cannot read the map file: {e.Message}"));
        }
        // OsmSharp throws whatever its decoder meets in a corrupt file (protobuf, XML, format or range errors);
        // none of them is a bug of ours, so each becomes a problem with the file.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The decoders' own words (a protobuf library's "see stackoverflow", zlib's "Adler chksum") help no user.
            string what = DecoderText.Xml(e) is { } xml
                ? $"the file is not a readable OpenStreetMap file: it {xml}"
                : "the file is not a readable OpenStreetMap file: its content cannot be decoded (a damaged or cut download, or another format under this name)";
            return InputResult<RawMap>.Failure(new InputProblem(path, string.Empty, what, "re-export it as .osm.pbf or .osm XML"));
        }
        return InputResult<RawMap>.Success(map);
    }

    private static void Add(RawMap map, OsmGeo element)
    {
        switch (element)
        {
            case Node { Id: long id, Longitude: double lon, Latitude: double lat } node:
                if (!(lat is >= -90 and <= 90) || !(lon is >= -180 and <= 180))
                {
                    throw new ImpossibleCoordinatesException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"node {id} lies at latitude {lat}, longitude {lon}; a latitude is a number from -90 to 90 degrees and a longitude from -180 to 180"));
                }
                map.Nodes[id] = (lon, lat);
                if (node.Tags is { Count: > 0 } tags)
                {
                    map.Points.Add(new RawPoint(id, lon, lat, ToDictionary(tags)));
                }
                break;
            case Way { Id: long wayId, Nodes: { Length: >= 2 } nodes } way when way.Tags is { Count: > 0 } wayTags:
                map.Ways.Add(new RawWay(wayId, ToDictionary(wayTags), nodes));
                break;
            case Way { Id: long wayId, Nodes: { Length: >= 2 } nodes }:
                map.UntaggedWays[wayId] = nodes;
                break;
            case Relation { Id: long relationId, Members: { } members } relation
                when relation.Tags is { Count: > 0 } relationTags && relationTags.Contains("type", "multipolygon"):
                map.Multipolygons.Add(new RawMultipolygon(relationId, ToDictionary(relationTags),
                    [.. members.Where(m => m.Type == OsmGeoType.Way).Select(m => (m.Id, m.Role ?? string.Empty))]));
                break;
        }
    }

    private static Dictionary<string, string> ToDictionary(TagsCollectionBase tags)
    {
        var result = new Dictionary<string, string>(tags.Count, StringComparer.Ordinal);
        foreach (Tag tag in tags)
        {
            // A <tag> without k or v (a hand edit, a broken export) says nothing; OsmSharp hands it over with a null.
            if (tag.Key is not null && tag.Value is not null)
            {
                result[tag.Key] = tag.Value;
            }
        }
        return result;
    }

    /// <summary>A node whose coordinates cannot be on Earth (NaN, latitude 95): the file's fault, named with the node.</summary>
    private sealed class ImpossibleCoordinatesException(string message) : Exception(message);
}
