using System.Runtime.CompilerServices;
using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Mobility;

/// <summary>
/// What a search knows of one arc: its cost and link, valid while <see cref="Stamp"/> is the search's, and a mark
/// (settled, kept). Together in 16 bytes because a relaxation reads all of them for a neighbour: one cache line
/// instead of four arrays' (a million-resident city's scratch is larger than a core's cache).
/// </summary>
internal struct ArcState
{
    public float Cost;
    public int Link;
    public int Stamp;
    public int Mark;
}

/// <summary>
/// One worker's network-sized search state, reset by a stamp instead of clearing: a search pays only for the arcs
/// it reaches, which is what lets a million-arc city run many small searches. Not shared between threads.
/// </summary>
internal sealed class SearchScratch
{
    private int _stamp;
    private int _mark;
    private int _targetMark;

    public SearchScratch(int arcCount, ArcHeap? heap = null)
    {
        States = new ArcState[arcCount];
        Heap = heap ?? new ArcHeap();
    }

    /// <summary>Cost and Link of an arc are valid only when its stamp is the current one; Mark per use (see <see cref="NextMark"/>).</summary>
    internal ArcState[] States { get; }

    internal ArcHeap Heap { get; }

    internal List<int> Kept { get; } = [];

    internal List<int> Distinct { get; } = [];

    /// <summary>Marks the target arcs of a search (its own value per search, from <see cref="NextTargetMark"/>).</summary>
    internal int[] Target { get; private set; } = [];

    internal SearchGuide Guide { get; } = new();

    /// <summary>Starts a search: every arc reads as unreached. Returns the search's stamp.</summary>
    internal int Begin()
    {
        if (++_stamp == int.MaxValue)
        {
            for (int arc = 0; arc < States.Length; arc++)
            {
                States[arc].Stamp = 0;
            }
            _stamp = 1;
        }
        return _stamp;
    }

    /// <summary>A target mark value no arc holds yet.</summary>
    internal int NextTargetMark()
    {
        if (Target.Length != States.Length)
        {
            Target = new int[States.Length];
        }
        if (++_targetMark == int.MaxValue)
        {
            Array.Clear(Target);
            _targetMark = 1;
        }
        return _targetMark;
    }

    /// <summary>A mark value no arc holds yet.</summary>
    internal int NextMark()
    {
        if (++_mark == int.MaxValue)
        {
            for (int arc = 0; arc < States.Length; arc++)
            {
                States[arc].Mark = 0;
            }
            _mark = 1;
        }
        return _mark;
    }

    internal bool Has(int arc) => States[arc].Stamp == _stamp;

    internal float CostOf(int arc) => States[arc].Stamp == _stamp ? States[arc].Cost : float.PositiveInfinity;
}
