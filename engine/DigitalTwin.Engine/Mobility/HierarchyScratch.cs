namespace DigitalTwin.Engine.Mobility;

/// <summary>One worker's query state for <see cref="ArcHierarchy.Route"/>: stamped arc-sized arrays, reused.</summary>
internal sealed class HierarchyScratch
{
    internal Side Forward { get; } = new();

    internal Side Backward { get; } = new();

    internal ArcHeap Heap { get; } = new();

    internal List<int> Edges { get; } = [];

    internal Stack<int> Unpacking { get; } = new();

    /// <summary>The arcs of the last route, origin's first.</summary>
    public List<int> Arcs { get; } = [];

    internal void Begin(int arcCount)
    {
        Forward.Begin(arcCount);
        Backward.Begin(arcCount);
    }

    /// <summary>One direction's costs and links (the edge an arc was reached by), valid where stamped by this query.</summary>
    internal sealed class Side
    {
        private int _stamp;
        private int[] _stamps = [];

        public float[] Cost { get; private set; } = [];

        public int[] Link { get; private set; } = [];

        public void Begin(int arcCount)
        {
            if (Cost.Length != arcCount)
            {
                Cost = new float[arcCount];
                Link = new int[arcCount];
                _stamps = new int[arcCount];
                _stamp = 0;
            }
            if (++_stamp == int.MaxValue)
            {
                Array.Clear(_stamps);
                _stamp = 1;
            }
        }

        public float CostOf(int arc) => _stamps[arc] == _stamp ? Cost[arc] : float.PositiveInfinity;

        public void Set(int arc, float cost, int link)
        {
            Cost[arc] = cost;
            Link[arc] = link;
            _stamps[arc] = _stamp;
        }
    }
}
