namespace DigitalTwin.Engine.Profile;

/// <summary>
/// One figure of a neighbourhood profile's start map: its value (null when the map cannot tell), its unit, one
/// sentence saying what it counts, and where its definition or threshold comes from (a published source, or
/// "reasoned: …" when the choice is ours).
/// </summary>
/// <param name="Key">Stable camelCase key, the same in every scenario and in profile.json.</param>
/// <param name="Theme">The start map's theme it belongs to (walking, meeting places, barriers, …).</param>
/// <param name="Label">How a designer reads it.</param>
/// <param name="Value">The figure; null when the map holds nothing to compute it from.</param>
/// <param name="Unit">The unit, e.g. "%", "m", "per km".</param>
/// <param name="Definition">What exactly is counted, in one sentence.</param>
/// <param name="Source">Where the definition or threshold comes from.</param>
public sealed record ProfileIndicator(string Key, string Theme, string Label, double? Value, string Unit, string Definition, string Source);
