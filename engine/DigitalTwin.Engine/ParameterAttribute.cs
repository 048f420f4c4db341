using System.Globalization;
using System.Reflection;

namespace DigitalTwin.Engine;

/// <summary>
/// Documents one model parameter: its unit, the range a scenario may set it to, and where the default comes from
/// (a literature source or the reasoning). Put it on an init property of a parameter record gathered in
/// <see cref="Simulation.SimulationParameters"/>; the property's initialiser is the default. On a property whose
/// type is a record struct of numbers (<see cref="Population.AgeGroupValues"/>), it documents every field, and a
/// scenario names each field (<c>population.employmentRate.youth</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class ParameterAttribute(string unit, double min, double max, string source) : Attribute
{
    public string Unit { get; } = unit;

    public double Min { get; } = min;

    public double Max { get; } = max;

    public string Source { get; } = source;
}

/// <summary>
/// Marks a property of a parameter record that is not part of the model (thread counts, cache sizes, output
/// sampling): changing it never changes results, so scenarios do not set it and the registry skips it.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class NotAParameterAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}

/// <summary>
/// A model parameter as scenario files name it (<c>group.property</c>, camelCase, e.g. <c>routing.turnPenaltyMetres</c>),
/// with its documentation and default.
/// </summary>
internal sealed record ParameterInfo(string Name, string Unit, double Default, double Min, double Max, bool IsInteger, string Source)
{
    /// <summary>The properties from <see cref="Simulation.SimulationParameters"/> down to the value.</summary>
    internal IReadOnlyList<PropertyInfo> Path { get; init; } = [];

    public bool Allows(double value) =>
        double.IsFinite(value) && value >= Min && value <= Max && (!IsInteger || value == Math.Floor(value));

    public string AllowedRange() =>
        string.Create(CultureInfo.InvariantCulture, $"{(IsInteger ? "a whole number " : string.Empty)}between {Min} and {Max} {Unit}").TrimEnd();
}
