using DigitalTwin.Engine.IO;
using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Viewer.CoCreation;

/// <summary>
/// The streets picked for the next edit. A click picks a segment, but the engine addresses streets by OSM way
/// (<see cref="StreetByOsmWayIds"/>), and an edit changes every segment cut from that way; so the selection holds
/// way ids and shows all their segments, and what is highlighted is exactly what the edit will change.
/// </summary>
public sealed class StreetSelection
{
    private readonly SortedSet<long> _wayIds = [];

    /// <summary>Changes whenever the selection does, so the highlight is rebuilt only then.</summary>
    public int Version { get; private set; }

    /// <summary>The selected ways, ascending (so the address, and the scenario it makes, do not depend on click order).</summary>
    public IReadOnlyCollection<long> WayIds => _wayIds;

    public bool IsEmpty => _wayIds.Count == 0;

    /// <summary>Adds or removes the way the segment was cut from; false when the segment has no way id to address it by.</summary>
    public bool Toggle(RunFile run, int segment)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (segment < 0 || segment >= run.OsmWayId.Length || run.OsmWayId[segment] == 0)
        {
            return false;
        }
        Toggle(run.OsmWayId[segment]);
        return true;
    }

    public void Toggle(long wayId)
    {
        if (!_wayIds.Remove(wayId))
        {
            _wayIds.Add(wayId);
        }
        Version++;
    }

    public void Clear()
    {
        if (_wayIds.Count > 0)
        {
            _wayIds.Clear();
            Version++;
        }
    }

    public bool Contains(RunFile run, int segment)
    {
        ArgumentNullException.ThrowIfNull(run);
        return segment >= 0 && segment < run.OsmWayId.Length && _wayIds.Contains(run.OsmWayId[segment]);
    }

    /// <summary>Every segment of the run cut from a selected way, ascending.</summary>
    public int[] Segments(RunFile run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var segments = new List<int>();
        for (int s = 0; s < run.OsmWayId.Length; s++)
        {
            if (_wayIds.Contains(run.OsmWayId[s]))
            {
                segments.Add(s);
            }
        }
        return [.. segments];
    }

    /// <summary>The distinct street names of the selection, in segment order (unnamed streets left out).</summary>
    public IReadOnlyList<string> StreetNames(RunFile run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var names = new List<string>();
        foreach (int s in Segments(run))
        {
            int index = s < run.SegmentNameIndex.Length ? run.SegmentNameIndex[s] : -1;
            string name = index >= 0 && index < run.StreetNames.Length ? run.StreetNames[index] : string.Empty;
            if (name.Length > 0 && !names.Contains(name, StringComparer.Ordinal))
            {
                names.Add(name);
            }
        }
        return names;
    }

    /// <summary>The selection as the engine's street address.</summary>
    public StreetByOsmWayIds ToAddress(SourceLocation origin) => new([.. _wayIds]) { Origin = origin };
}
