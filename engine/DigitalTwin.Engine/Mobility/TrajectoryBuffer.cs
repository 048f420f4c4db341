using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Mobility;

/// <summary>
/// A day's passages and stays as structure-of-arrays, reused from day to day (<see cref="Clear"/> keeps the
/// arrays). Grouping by segment or place is a stable counting sort into reusable index arrays: no allocation per
/// event, O(events + segments), and the order inside a group is the order of insertion, so it is deterministic.
/// Not thread-safe for writes; many readers are fine once filled and grouped.
/// </summary>
public sealed class TrajectoryBuffer
{
    private const int InitialCapacity = 256;
    private const int PassageBytes = (2 * sizeof(int)) + sizeof(sbyte) + (2 * sizeof(double)) + (3 * sizeof(float)) + sizeof(TravelModes) + sizeof(bool);
    private const int StayBytes = (4 * sizeof(int)) + (2 * sizeof(float)) + (2 * sizeof(double));

    // Passages.
    private int[] _passageResident = [];
    private int[] _passageSegment = [];
    private sbyte[] _passageDirection = [];
    private double[] _passageEntry = [];
    private double[] _passageExit = [];
    private float[] _passageSpeed = [];
    private TravelModes[] _passageMode = [];
    private float[] _passageEntryOffset = [];
    private float[] _passageLateral = [];
    private bool[] _passageResumes = [];

    // Stays.
    private int[] _stayResident = [];
    private int[] _stayPlace = [];
    private int[] _stayZone = [];
    private int[] _staySegment = [];
    private float[] _stayOffset = [];
    private double[] _stayStart = [];
    private double[] _stayEnd = [];
    private float[] _stayLateral = [];

    // Groupings: members of group g are Order[Start[g] .. Start[g + 1]).
    private int[] _passageBySegmentStart = [0];
    private int[] _passageBySegment = [];
    private int[] _stayBySegmentStart = [0];
    private int[] _stayBySegment = [];
    private int[] _stayByPlaceStart = [0];
    private int[] _stayByPlace = [];

    public int PassageCount { get; private set; }

    public int StayCount { get; private set; }

    public ReadOnlySpan<int> PassageResident => _passageResident.AsSpan(0, PassageCount);

    public ReadOnlySpan<int> PassageSegment => _passageSegment.AsSpan(0, PassageCount);

    public ReadOnlySpan<sbyte> PassageDirection => _passageDirection.AsSpan(0, PassageCount);

    public ReadOnlySpan<double> PassageEntryTimeSeconds => _passageEntry.AsSpan(0, PassageCount);

    public ReadOnlySpan<double> PassageExitTimeSeconds => _passageExit.AsSpan(0, PassageCount);

    public ReadOnlySpan<float> PassageSpeedMetresPerSecond => _passageSpeed.AsSpan(0, PassageCount);

    public ReadOnlySpan<TravelModes> PassageMode => _passageMode.AsSpan(0, PassageCount);

    public ReadOnlySpan<float> PassageEntryOffsetMetres => _passageEntryOffset.AsSpan(0, PassageCount);

    /// <summary>Metres left of the segment's centre line (see <see cref="Passage.LateralOffsetMetres"/>).</summary>
    public ReadOnlySpan<float> PassageLateralOffsetMetres => _passageLateral.AsSpan(0, PassageCount);

    /// <summary>True for the second piece of a segment walked with a stop on it (<see cref="Passage.ResumesAfterStop"/>).</summary>
    public ReadOnlySpan<bool> PassageResumesAfterStop => _passageResumes.AsSpan(0, PassageCount);

    public ReadOnlySpan<int> StayResident => _stayResident.AsSpan(0, StayCount);

    public ReadOnlySpan<int> StayPlace => _stayPlace.AsSpan(0, StayCount);

    public ReadOnlySpan<int> StayZone => _stayZone.AsSpan(0, StayCount);

    public ReadOnlySpan<int> StaySegment => _staySegment.AsSpan(0, StayCount);

    public ReadOnlySpan<float> StayOffsetMetres => _stayOffset.AsSpan(0, StayCount);

    public ReadOnlySpan<double> StayStartTimeSeconds => _stayStart.AsSpan(0, StayCount);

    public ReadOnlySpan<double> StayEndTimeSeconds => _stayEnd.AsSpan(0, StayCount);

    /// <summary>Metres left of the segment's centre line (see <see cref="Stay.LateralOffsetMetres"/>).</summary>
    public ReadOnlySpan<float> StayLateralOffsetMetres => _stayLateral.AsSpan(0, StayCount);

    /// <summary>Forgets the day's events but keeps the storage for the next day.</summary>
    public void Clear()
    {
        PassageCount = 0;
        StayCount = 0;
    }

    /// <summary>Bytes held by the event columns and group indexes, used or not.</summary>
    public long CapacityBytes =>
        ((long)_passageResident.Length * PassageBytes) + ((long)_stayResident.Length * StayBytes)
        + (((long)_passageBySegment.Length + _passageBySegmentStart.Length + _stayBySegment.Length + _stayBySegmentStart.Length
            + _stayByPlace.Length + _stayByPlaceStart.Length) * sizeof(int));


    /// <summary>Forgets the day's events and gives the storage back (see <see cref="Collections.DayBuffers"/>).</summary>
    public void Release()
    {
        Clear();
        _passageResident = [];
        _passageSegment = [];
        _passageDirection = [];
        _passageEntry = [];
        _passageExit = [];
        _passageSpeed = [];
        _passageMode = [];
        _passageEntryOffset = [];
        _passageLateral = [];
        _passageResumes = [];
        _stayResident = [];
        _stayPlace = [];
        _stayZone = [];
        _staySegment = [];
        _stayOffset = [];
        _stayStart = [];
        _stayEnd = [];
        _stayLateral = [];
        _passageBySegmentStart = [0];
        _passageBySegment = [];
        _stayBySegmentStart = [0];
        _stayBySegment = [];
        _stayByPlaceStart = [0];
        _stayByPlace = [];
    }

    public void AddPassage(in Passage passage)
    {
        if (passage.Direction is not (1 or -1))
        {
            throw new ArgumentException("A passage's direction is +1 or -1.", nameof(passage));
        }
        if (!(passage.ExitTimeSeconds >= passage.EntryTimeSeconds) || !(passage.SpeedMetresPerSecond >= 0))
        {
            throw new ArgumentException("A passage needs exit >= entry time and a speed of at least zero.", nameof(passage));
        }
        if (PassageCount == _passageResident.Length)
        {
            EnsurePassageCapacity(PassageCount + 1);
        }
        int i = PassageCount++;
        _passageResident[i] = passage.Resident;
        _passageSegment[i] = passage.Segment;
        _passageDirection[i] = passage.Direction;
        _passageEntry[i] = passage.EntryTimeSeconds;
        _passageExit[i] = passage.ExitTimeSeconds;
        _passageSpeed[i] = passage.SpeedMetresPerSecond;
        _passageMode[i] = passage.Mode;
        _passageEntryOffset[i] = passage.EntryOffsetMetres;
        _passageLateral[i] = passage.LateralOffsetMetres;
        _passageResumes[i] = passage.ResumesAfterStop;
    }

    public void AddStay(in Stay stay)
    {
        if (!(stay.EndTimeSeconds >= stay.StartTimeSeconds))
        {
            throw new ArgumentException("A stay needs end >= start time.", nameof(stay));
        }
        if (stay.Place < 0 && stay.Segment < 0)
        {
            throw new ArgumentException("A stay is at a place, on a segment, or both.", nameof(stay));
        }
        if (StayCount == _stayResident.Length)
        {
            EnsureStayCapacity(StayCount + 1);
        }
        int i = StayCount++;
        _stayResident[i] = stay.Resident;
        _stayPlace[i] = stay.Place;
        _stayZone[i] = stay.Zone;
        _staySegment[i] = stay.Segment;
        _stayOffset[i] = stay.OffsetMetres;
        _stayStart[i] = stay.StartTimeSeconds;
        _stayEnd[i] = stay.EndTimeSeconds;
        _stayLateral[i] = stay.LateralOffsetMetres;
    }

    /// <summary>
    /// Appends every passage and stay of another buffer, in its order (merging chunk buffers): column by column, as
    /// block copies (the other buffer checked each event when it was added).
    /// </summary>
    public void Append(TrajectoryBuffer other)
    {
        ArgumentNullException.ThrowIfNull(other);
        AppendAll([other], 1);
    }

    /// <summary>
    /// Appends every passage and stay of <paramref name="parts"/>, part after part in their order (the day's chunks):
    /// room is made once, then each part is copied to its own place, in parallel (no two parts write the same range).
    /// </summary>
    public void AppendAll(IReadOnlyList<TrajectoryBuffer> parts, int threads)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var passageAt = new int[parts.Count + 1];
        var stayAt = new int[parts.Count + 1];
        passageAt[0] = PassageCount;
        stayAt[0] = StayCount;
        for (int p = 0; p < parts.Count; p++)
        {
            passageAt[p + 1] = passageAt[p] + parts[p].PassageCount;
            stayAt[p + 1] = stayAt[p] + parts[p].StayCount;
        }
        EnsurePassageCapacity(passageAt[parts.Count]);
        EnsureStayCapacity(stayAt[parts.Count]);
        Parallel.For(0, parts.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, p =>
        {
            var other = parts[p];
            int passages = passageAt[p], morePassages = other.PassageCount;
            Array.Copy(other._passageResident, 0, _passageResident, passages, morePassages);
            Array.Copy(other._passageSegment, 0, _passageSegment, passages, morePassages);
            Array.Copy(other._passageDirection, 0, _passageDirection, passages, morePassages);
            Array.Copy(other._passageEntry, 0, _passageEntry, passages, morePassages);
            Array.Copy(other._passageExit, 0, _passageExit, passages, morePassages);
            Array.Copy(other._passageSpeed, 0, _passageSpeed, passages, morePassages);
            Array.Copy(other._passageMode, 0, _passageMode, passages, morePassages);
            Array.Copy(other._passageEntryOffset, 0, _passageEntryOffset, passages, morePassages);
            Array.Copy(other._passageLateral, 0, _passageLateral, passages, morePassages);
            Array.Copy(other._passageResumes, 0, _passageResumes, passages, morePassages);

            int stays = stayAt[p], moreStays = other.StayCount;
            Array.Copy(other._stayResident, 0, _stayResident, stays, moreStays);
            Array.Copy(other._stayPlace, 0, _stayPlace, stays, moreStays);
            Array.Copy(other._stayZone, 0, _stayZone, stays, moreStays);
            Array.Copy(other._staySegment, 0, _staySegment, stays, moreStays);
            Array.Copy(other._stayOffset, 0, _stayOffset, stays, moreStays);
            Array.Copy(other._stayStart, 0, _stayStart, stays, moreStays);
            Array.Copy(other._stayEnd, 0, _stayEnd, stays, moreStays);
            Array.Copy(other._stayLateral, 0, _stayLateral, stays, moreStays);
        });
        PassageCount = passageAt[parts.Count];
        StayCount = stayAt[parts.Count];
    }

    /// <summary>Room for <paramref name="needed"/> passages, at least doubling (amortised constant per passage).</summary>
    private void EnsurePassageCapacity(int needed)
    {
        if (needed <= _passageResident.Length)
        {
            return;
        }
        int size = Math.Max(needed, Math.Max(InitialCapacity, _passageResident.Length * 2));
        Array.Resize(ref _passageResident, size);
        Array.Resize(ref _passageSegment, size);
        Array.Resize(ref _passageDirection, size);
        Array.Resize(ref _passageEntry, size);
        Array.Resize(ref _passageExit, size);
        Array.Resize(ref _passageSpeed, size);
        Array.Resize(ref _passageMode, size);
        Array.Resize(ref _passageEntryOffset, size);
        Array.Resize(ref _passageLateral, size);
        Array.Resize(ref _passageResumes, size);
    }

    /// <summary>Room for <paramref name="needed"/> stays, at least doubling.</summary>
    private void EnsureStayCapacity(int needed)
    {
        if (needed <= _stayResident.Length)
        {
            return;
        }
        int size = Math.Max(needed, Math.Max(InitialCapacity, _stayResident.Length * 2));
        Array.Resize(ref _stayResident, size);
        Array.Resize(ref _stayPlace, size);
        Array.Resize(ref _stayZone, size);
        Array.Resize(ref _staySegment, size);
        Array.Resize(ref _stayOffset, size);
        Array.Resize(ref _stayStart, size);
        Array.Resize(ref _stayEnd, size);
        Array.Resize(ref _stayLateral, size);
    }

    public Passage GetPassage(int index) => new(
        _passageResident[index], _passageSegment[index], _passageDirection[index], _passageEntry[index],
        _passageExit[index], _passageSpeed[index], _passageMode[index], _passageEntryOffset[index],
        _passageLateral[index], _passageResumes[index]);

    public Stay GetStay(int index) => new(
        _stayResident[index], _stayPlace[index], _stayZone[index], _staySegment[index], _stayOffset[index],
        _stayStart[index], _stayEnd[index], _stayLateral[index]);

    /// <summary>
    /// Groups passages by segment and stays by segment (street stays) and by place. Call after the day is
    /// filled and before reading <see cref="PassagesOnSegment"/>, <see cref="StaysOnSegment"/>, <see cref="StaysAtPlace"/>.
    /// </summary>
    public void Group(int segmentCount, int placeCount)
    {
        CountingSort(_passageSegment.AsSpan(0, PassageCount), segmentCount, ref _passageBySegmentStart, ref _passageBySegment);
        CountingSort(_staySegment.AsSpan(0, StayCount), segmentCount, ref _stayBySegmentStart, ref _stayBySegment);
        CountingSort(_stayPlace.AsSpan(0, StayCount), placeCount, ref _stayByPlaceStart, ref _stayByPlace);
    }

    /// <summary>Indices of the passages on a segment, in insertion order (after <see cref="Group"/>).</summary>
    public ReadOnlySpan<int> PassagesOnSegment(int segment) =>
        _passageBySegment.AsSpan(_passageBySegmentStart[segment], _passageBySegmentStart[segment + 1] - _passageBySegmentStart[segment]);

    /// <summary>Indices of the stays seen from a segment, in insertion order (after <see cref="Group"/>).</summary>
    public ReadOnlySpan<int> StaysOnSegment(int segment) =>
        _stayBySegment.AsSpan(_stayBySegmentStart[segment], _stayBySegmentStart[segment + 1] - _stayBySegmentStart[segment]);

    /// <summary>Indices of the stays at a place, in insertion order (after <see cref="Group"/>).</summary>
    public ReadOnlySpan<int> StaysAtPlace(int place) =>
        _stayByPlace.AsSpan(_stayByPlaceStart[place], _stayByPlaceStart[place + 1] - _stayByPlaceStart[place]);

    /// <summary>Stable counting sort of item indices by key; keys outside [0, groupCount) (e.g. -1) are left out.</summary>
    private static void CountingSort(ReadOnlySpan<int> keys, int groupCount, ref int[] start, ref int[] order)
    {
        if (start.Length < groupCount + 1)
        {
            start = new int[groupCount + 1];
        }
        var counts = start.AsSpan(0, groupCount + 1);
        counts.Clear();
        foreach (int key in keys)
        {
            if ((uint)key < (uint)groupCount)
            {
                counts[key + 1]++;
            }
            else if (key >= groupCount)
            {
                throw new ArgumentOutOfRangeException(nameof(keys), $"Group key {key} is not below {groupCount}.");
            }
        }
        for (int g = 0; g < groupCount; g++)
        {
            counts[g + 1] += counts[g];
        }
        int total = counts[groupCount];
        if (order.Length < total)
        {
            order = new int[Math.Max(total, order.Length * 2)];
        }
        // Fill with a moving cursor per group, then restore the starts by shifting (no scratch array).
        for (int i = 0; i < keys.Length; i++)
        {
            int key = keys[i];
            if ((uint)key < (uint)groupCount)
            {
                order[counts[key]++] = i;
            }
        }
        for (int g = groupCount; g > 0; g--)
        {
            counts[g] = counts[g - 1];
        }
        counts[0] = 0;
    }
}
