using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;

namespace DigitalTwin.Engine.Simulation;

/// <summary>
/// Every model parameter (MODEL.md) by the name a scenario file uses: <c>group.property</c> in camelCase, where the
/// group is a property of <see cref="SimulationParameters"/> (<c>routing.turnPenaltyMetres</c>,
/// <c>encounters.socialDistanceMetres</c>) and a record-struct value adds one more level
/// (<c>population.employmentRate.youth</c>). Built by reflection from the <see cref="ParameterAttribute"/>s of the
/// component records, so the records the simulation reads are the one source of truth: adding a parameter is adding
/// one attributed property there. A property with neither <see cref="ParameterAttribute"/> nor
/// <see cref="NotAParameterAttribute"/> is a bug and stops the registry from building.
/// </summary>
internal static class ParameterRegistry
{
    /// <summary>Every parameter keyed by its scenario name.</summary>
    public static FrozenDictionary<string, ParameterInfo> All { get; } = Build();

    /// <summary>The parameter names in ordinal order, for the schema, the README table and suggestions.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Keys.Order(StringComparer.Ordinal)];

    /// <summary>
    /// A copy of <paramref name="parameters"/> with the overrides applied; the records and structs on the way to each
    /// changed value are copied, everything else is shared. Callers validate names and ranges first (ScenarioLoader).
    /// </summary>
    public static SimulationParameters With(SimulationParameters parameters, IEnumerable<KeyValuePair<string, double>> overrides)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(overrides);
        object result = parameters;
        foreach (KeyValuePair<string, double> pair in overrides)
        {
            if (!All.TryGetValue(pair.Key, out ParameterInfo? info) || !info.Allows(pair.Value))
            {
                throw new ArgumentException($"Parameter '{pair.Key}' = {pair.Value} is unknown or out of range.", nameof(overrides));
            }
            object leaf = info.IsInteger ? (object)(int)pair.Value : pair.Value;
            result = SetAlong(result, info.Path, 0, leaf);
        }
        return (SimulationParameters)result;
    }

    /// <summary>The value of a parameter by its scenario name.</summary>
    public static double ValueOf(SimulationParameters parameters, string name)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        object value = parameters;
        foreach (PropertyInfo property in All[name].Path)
        {
            value = property.GetValue(value)!;
        }
        return Convert.ToDouble(value, CultureInfo.InvariantCulture);
    }

    private static object SetAlong(object owner, IReadOnlyList<PropertyInfo> path, int depth, object leaf)
    {
        object copy = Copy(owner);
        PropertyInfo property = path[depth];
        object value = depth == path.Count - 1 ? leaf : SetAlong(property.GetValue(owner)!, path, depth + 1, leaf);
        // Init accessors are ordinary setters to reflection; the copy is not yet shared, so setting it is safe.
        property.SetValue(copy, value);
        return copy;
    }

    private static object Copy(object value)
    {
        Type type = value.GetType();
        if (type.IsValueType)
        {
            // A boxed struct from PropertyInfo.GetValue is already a private copy.
            return value;
        }
        // A record's copy constructor is protected; its compiler-generated clone method is what `with` calls.
        MethodInfo clone = type.GetMethod("<Clone>$") ?? throw new InvalidOperationException($"{type.Name} is not a record.");
        return clone.Invoke(value, null)!;
    }

    private static FrozenDictionary<string, ParameterInfo> Build()
    {
        var table = new Dictionary<string, ParameterInfo>(StringComparer.Ordinal);
        var defaults = new SimulationParameters();
        foreach (PropertyInfo group in Properties(typeof(SimulationParameters)))
        {
            if (group.GetCustomAttribute<NotAParameterAttribute>() is not null)
            {
                continue;
            }
            if (group.PropertyType.IsValueType)
            {
                throw new InvalidOperationException(
                    $"SimulationParameters.{group.Name}: a property here is either a parameter record or [NotAParameter].");
            }
            object groupDefaults = group.GetValue(defaults)!;
            foreach (PropertyInfo property in Properties(group.PropertyType))
            {
                if (property.GetCustomAttribute<NotAParameterAttribute>() is not null)
                {
                    continue;
                }
                ParameterAttribute attribute = property.GetCustomAttribute<ParameterAttribute>()
                    ?? throw new InvalidOperationException(
                        $"{group.PropertyType.Name}.{property.Name} has neither [Parameter] nor [NotAParameter]: every model parameter is documented.");
                string name = CamelCase(group.Name) + "." + CamelCase(property.Name);
                object value = property.GetValue(groupDefaults)!;
                if (IsNumber(property.PropertyType))
                {
                    Add(table, name, attribute, [group, property], value);
                }
                else if (property.PropertyType.IsValueType && Properties(property.PropertyType).All(f => IsNumber(f.PropertyType)))
                {
                    foreach (PropertyInfo field in Properties(property.PropertyType))
                    {
                        Add(table, name + "." + CamelCase(field.Name), attribute, [group, property, field], field.GetValue(value)!);
                    }
                }
                else
                {
                    throw new InvalidOperationException(
                        $"{group.PropertyType.Name}.{property.Name}: parameters are double, int or a record struct of them.");
                }
            }
        }
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static void Add(Dictionary<string, ParameterInfo> table, string name, ParameterAttribute attribute, PropertyInfo[] path, object value)
    {
        bool isInteger = path[^1].PropertyType == typeof(int);
        table.Add(name, new ParameterInfo(name, attribute.Unit, Convert.ToDouble(value, CultureInfo.InvariantCulture),
            attribute.Min, attribute.Max, isInteger, attribute.Source)
        {
            Path = path,
        });
    }

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.MetadataToken);

    private static bool IsNumber(Type type) => type == typeof(double) || type == typeof(int);

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
