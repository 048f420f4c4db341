using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Tests;

/// <summary>Graph checks shared by network tests.</summary>
internal static class NetworkAssert
{
    /// <summary>How many nodes a walk over the CSR adjacency reaches from <paramref name="start"/> (ignoring direction).</summary>
    public static int ReachableNodes(StreetNetwork network, NodeId start)
    {
        var seen = new bool[network.NodeCount];
        var stack = new Stack<int>();
        stack.Push(start.Value);
        seen[start.Value] = true;
        int count = 1;
        while (stack.Count > 0)
        {
            int node = stack.Pop();
            foreach (int arc in network.ArcsFrom(new NodeId(node)))
            {
                int segment = arc / 2;
                int other = arc % 2 == 0 ? network.SegmentTo[segment] : network.SegmentFrom[segment];
                if (!seen[other])
                {
                    seen[other] = true;
                    count++;
                    stack.Push(other);
                }
            }
        }
        return count;
    }
}
