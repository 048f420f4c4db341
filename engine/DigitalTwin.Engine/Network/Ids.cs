namespace DigitalTwin.Engine.Network;

/// <summary>An intersection or dead end of the street network (index into the node arrays).</summary>
public readonly record struct NodeId(int Value);

/// <summary>A street segment between two nodes (index into the segment arrays).</summary>
public readonly record struct SegmentId(int Value);
