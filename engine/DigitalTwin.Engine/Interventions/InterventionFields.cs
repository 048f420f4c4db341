using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Engine.Interventions;

/// <summary>
/// One field of an intervention entry in a scenario file: its JSON name, what it holds and its range, whether it is
/// required (or what leaving it out means) and one line of description. The same object reads the field, so the
/// loader checks exactly the range that the generated schema and README table show.
/// </summary>
internal abstract record InterventionField(string Name, string Description)
{
    public bool Required { get; init; }

    /// <summary>What leaving an optional field out means, in words, where no default value says it.</summary>
    public string? WhenAbsent { get; init; }

    /// <summary>The value and its range in words: "number from 0.5 to 30 m".</summary>
    public abstract string Value { get; }

    /// <summary>"required", "default 3", "optional: the whole area" or "optional".</summary>
    public string Presence => Required ? "required"
        : DefaultText is { } value ? "default " + value
        : WhenAbsent is { } absent ? "optional: " + absent
        : "optional";

    /// <summary>The default value as a scenario file writes it, for fields that have one.</summary>
    protected virtual string? DefaultText => null;

    /// <summary>The range with its unit, for the schema's description (which editors show, unlike minimum and maximum).</summary>
    protected virtual string? RangeText => null;

    /// <summary>The field's JSON Schema (draft 2020-12); shared shapes are referred to as <c>#/$defs/...</c>.</summary>
    public JsonObject Schema()
    {
        JsonObject schema = ValueSchema();
        string description = char.ToUpperInvariant(Description[0]) + Description[1..] + (RangeText is { } range ? ": " + range : string.Empty) + ".";
        schema["description"] = WhenAbsent is { } absent && !Required ? $"{description} Optional: {absent}." : description;
        return schema;
    }

    protected abstract JsonObject ValueSchema();
}

/// <summary>Which streets: a street address (<see cref="StreetAddress"/>).</summary>
internal sealed record StreetAddressField(string Name, string Description) : InterventionField(Name, Description)
{
    public override string Value => "street address";

    public StreetAddress? Read(ObjectReader reader) => ScenarioLoader.ReadStreetAddress(reader, Name, Required);

    protected override JsonObject ValueSchema() => new() { ["$ref"] = "#/$defs/streetAddress" };
}

/// <summary>A number within [<see cref="Min"/>, <see cref="Max"/>] in <see cref="Unit"/>.</summary>
internal sealed record NumberField(string Name, string Description, double Min, double Max, string Unit) : InterventionField(Name, Description)
{
    public override string Value => "number " + RangeText;

    protected override string RangeText => ObjectReader.Range(Min, Max, Unit);

    public double? Read(ObjectReader reader) => reader.Number(Name, Min, Max, Unit, Required);

    protected override JsonObject ValueSchema() => new() { ["type"] = "number", ["minimum"] = Min, ["maximum"] = Max };
}

/// <summary>A whole number within [<see cref="Min"/>, <see cref="Max"/>], with an optional default.</summary>
internal sealed record WholeNumberField(string Name, string Description, int Min, int Max, string Unit) : InterventionField(Name, Description)
{
    public int? Default { get; init; }

    public override string Value => "whole number " + RangeText;

    protected override string RangeText => ObjectReader.Range(Min, Max, Unit);

    protected override string? DefaultText => Default?.ToString(CultureInfo.InvariantCulture);

    /// <summary>The number, or <see cref="Default"/> when it is left out (or wrong: the problem is recorded).</summary>
    public int? Read(ObjectReader reader) => reader.Integer(Name, Min, Max, Unit, Required) ?? Default;

    /// <summary><see cref="Read"/> for a field with a <see cref="Default"/>, which never comes back empty.</summary>
    public int ReadOrDefault(ObjectReader reader) => Read(reader) ?? throw new InvalidOperationException($"'{Name}' has no default.");

    protected override JsonObject ValueSchema()
    {
        var schema = new JsonObject { ["type"] = "integer", ["minimum"] = Min, ["maximum"] = Max };
        if (Default is { } value)
        {
            schema["default"] = value;
        }
        return schema;
    }
}

/// <summary>true or false, with a default.</summary>
internal sealed record FlagField(string Name, string Description, bool Default) : InterventionField(Name, Description)
{
    public override string Value => "true or false";

    protected override string? DefaultText => Default ? "true" : "false";

    /// <summary>The flag, or <see cref="Default"/> when it is left out (or wrong: the problem is recorded).</summary>
    public bool Read(ObjectReader reader) => reader.Bool(Name) ?? Default;

    protected override JsonObject ValueSchema() => new() { ["type"] = "boolean", ["default"] = Default };
}

/// <summary>Text; with <see cref="MaxLength"/> it must also be 1 to that many characters and not blank.</summary>
internal sealed record TextField(string Name, string Description) : InterventionField(Name, Description)
{
    /// <summary>What the text is, in problems: "must be {What}".</summary>
    public string What { get; init; } = "text";

    /// <summary>An example, shown when the field has the wrong type.</summary>
    public string? Example { get; init; }

    public int? MaxLength { get; init; }

    public override string Value => MaxLength is { } max
        ? string.Create(CultureInfo.InvariantCulture, $"{What} of 1 to {max} characters")
        : What;

    public string? Read(ObjectReader reader)
    {
        string? text = reader.String(Name, Required, Example is null ? What : $"{What} such as {Example}");
        if (text is not null && MaxLength is { } max && (text.Trim().Length == 0 || text.Length > max))
        {
            reader.Context.Error(reader.Child(Name), string.Create(CultureInfo.InvariantCulture, $"must be {What} of 1 to {max} characters"));
            return null;
        }
        return text;
    }

    protected override JsonObject ValueSchema()
    {
        var schema = new JsonObject { ["type"] = "string" };
        if (MaxLength is { } max)
        {
            schema["minLength"] = 1;
            schema["maxLength"] = max;
        }
        return schema;
    }
}

/// <summary>A point [longitude, latitude].</summary>
internal sealed record PointField(string Name, string Description) : InterventionField(Name, Description)
{
    public override string Value => "point [longitude, latitude]";

    public LonLat? Read(ObjectReader reader) => reader.Point(Name, Required);

    protected override JsonObject ValueSchema() => new() { ["$ref"] = "#/$defs/point" };
}

/// <summary>A list of at least <see cref="MinItems"/> points [[longitude, latitude], ...] (a polygon from 3).</summary>
internal sealed record PointsField(string Name, string Description, int MinItems) : InterventionField(Name, Description)
{
    public override string Value => MinItems switch
    {
        <= 1 => "non-empty list of points [longitude, latitude]",
        >= 3 => string.Create(CultureInfo.InvariantCulture, $"polygon of at least {MinItems} points [longitude, latitude]"),
        _ => string.Create(CultureInfo.InvariantCulture, $"list of at least {MinItems} points [longitude, latitude]"),
    };

    public IReadOnlyList<LonLat>? Read(ObjectReader reader) => reader.Points(Name, MinItems, Required);

    protected override JsonObject ValueSchema() => new()
    {
        ["type"] = "array",
        ["items"] = new JsonObject { ["$ref"] = "#/$defs/point" },
        ["minItems"] = MinItems,
    };
}

/// <summary>One word from a fixed list, read as its <typeparamref name="T"/> value; <see cref="Noun"/> names it in problems.</summary>
internal sealed record ChoiceField<T>(string Name, string Description, string Noun, IReadOnlyList<KeyValuePair<string, T>> Choices)
    : InterventionField(Name, Description)
    where T : struct
{
    /// <summary>What the field holds, in problems and the README, where the list is too long to repeat.</summary>
    public string? What { get; init; }

    public IEnumerable<string> Words => Choices.Select(c => c.Key);

    public override string Value => What ?? OneOf;

    private string OneOf => "one of " + string.Join(", ", Words);

    public T? Read(ObjectReader reader)
    {
        string? word = reader.String(Name, Required, What ?? OneOf);
        if (word is null)
        {
            return null;
        }
        foreach ((string choice, T value) in Choices)
        {
            if (string.Equals(choice, word, StringComparison.Ordinal))
            {
                return value;
            }
        }
        reader.Context.Error(reader.Child(Name), $"unknown {Noun} '{word}'", Suggestions.DidYouMean(word, Words) ?? OneOf);
        return null;
    }

    protected override JsonObject ValueSchema() => new() { ["enum"] = new JsonArray([.. Words.Select(w => JsonValue.Create(w))]) };
}

/// <summary>A non-empty list of words from a fixed list, with a default list.</summary>
internal sealed record ChoiceListField<T>(string Name, string Description, IReadOnlyList<KeyValuePair<string, T>> Choices, IReadOnlyList<T> Default)
    : InterventionField(Name, Description)
    where T : struct
{
    public override string Value => "list of " + string.Join(", ", Choices.Select(c => c.Key));

    protected override string? DefaultText => string.Join(" and ", DefaultWords);

    private IEnumerable<string> DefaultWords => Default.Select(d => Choices.First(c => c.Value.Equals(d)).Key);

    /// <summary>The chosen values in file order, or <see cref="Default"/> when the field is left out; null on a problem.</summary>
    public IReadOnlyList<T>? Read(ObjectReader reader)
    {
        if (reader.Get(Name) is not { } list)
        {
            return Default;
        }
        bool valid = list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0
            && list.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String && IndexOf(item.GetString()!) >= 0);
        if (!valid)
        {
            reader.Context.Error(reader.Child(Name), $"must be a non-empty {Value}, got {list.GetRawText()}");
            return null;
        }
        return [.. list.EnumerateArray().Select(item => Choices[IndexOf(item.GetString()!)].Value)];
    }

    private int IndexOf(string word)
    {
        for (int i = 0; i < Choices.Count; i++)
        {
            if (string.Equals(Choices[i].Key, word, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    protected override JsonObject ValueSchema() => new()
    {
        ["type"] = "array",
        ["items"] = new JsonObject { ["enum"] = new JsonArray([.. Choices.Select(c => JsonValue.Create(c.Key))]) },
        ["minItems"] = 1,
        ["default"] = new JsonArray([.. DefaultWords.Select(w => JsonValue.Create(w))]),
    };
}

/// <summary>A list of places (<see cref="PlaceSpec"/>), each an object of the <c>place</c> shape.</summary>
internal sealed record PlacesField(string Name, string Description) : InterventionField(Name, Description)
{
    public override string Value => "list of places (kind, name, capacity, openingHours)";

    /// <summary>The places in file order (none when left out), or null when any is wrong.</summary>
    public IReadOnlyList<PlaceSpec>? Read(ObjectReader reader)
    {
        var places = new List<PlaceSpec>();
        if (reader.Get(Name) is not { } list)
        {
            return places;
        }
        if (list.ValueKind != JsonValueKind.Array)
        {
            reader.Context.Error(reader.Child(Name), $"must be a list of places, got {reader.Context.Describe(list)}");
            return null;
        }
        bool ok = true;
        int index = 0;
        foreach (JsonElement item in list.EnumerateArray())
        {
            ObjectReader? placeReader = ObjectReader.Open(reader.Context, item, $"{reader.Child(Name)}[{index++}]", ScenarioFormat.PlaceShape);
            PlaceSpec? place = placeReader is null ? null : PlaceSpec.Read(placeReader);
            ok &= place is not null;
            if (place is not null)
            {
                places.Add(place);
            }
        }
        return ok ? places : null;
    }

    protected override JsonObject ValueSchema() => new()
    {
        ["type"] = "array",
        ["items"] = new JsonObject { ["$ref"] = "#/$defs/place" },
    };
}
