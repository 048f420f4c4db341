namespace DigitalTwin.Engine.Network;

/// <summary>A point on the network: a segment and the distance along it from its start node, in metres.</summary>
internal readonly record struct NetworkPosition(int Segment, float OffsetMetres);
