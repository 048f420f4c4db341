using System.Globalization;
using System.Text.Json;

namespace DigitalTwin.Engine.Scenarios;

public static partial class ScenarioLoader
{
    /// <summary>Shares written by hand may be rounded; within this of 1 they are accepted and normalised.</summary>
    private const double ShareSumTolerance = 0.01;

    /// <summary>A neighbourhood twin, not a country: beyond this the file is almost certainly mistyped.</summary>
    private const int MaxResidents = 2_000_000;

    private const double MinCbsScale = 0.001;

    private const double MaxCbsScale = 100;

    private static PopulationSpec? ReadPopulation(FileContext context, JsonElement element, string path,
        Dictionary<string, InputResult<CbsTable>> cbsTables)
    {
        ObjectReader? reader = ObjectReader.Open(context, element, path, ScenarioFormat.PopulationShape);
        if (reader is null)
        {
            return null;
        }
        JsonElement? cbs = reader.Get("cbs");
        JsonElement? explicitNumbers = reader.Get("explicit");
        if ((cbs is null) == (explicitNumbers is null))
        {
            context.Error(path, "must give exactly one of 'cbs' (a CBS buurt row) or 'explicit' (numbers)");
            return null;
        }
        return cbs is not null
            ? ReadCbsPopulation(context, cbs.Value, reader.Child("cbs"), cbsTables)
            : ReadExplicitPopulation(context, explicitNumbers!.Value, reader.Child("explicit"));
    }

    private static PopulationSpec? ReadCbsPopulation(FileContext context, JsonElement element, string path,
        Dictionary<string, InputResult<CbsTable>> cbsTables)
    {
        ObjectReader? reader = ObjectReader.Open(context, element, path, ScenarioFormat.CbsPopulationShape);
        if (reader is null)
        {
            return null;
        }
        string? file = NonEmpty(reader, "file") ?? (reader.Has("file") ? null : Required(reader, "file", "the CBS CSV, relative to the scenario"));
        string? code = NonEmpty(reader, "gwbCode") ?? (reader.Has("gwbCode") ? null : Required(reader, "gwbCode", "a CBS gwb_code such as BU03440111"));
        double? scale = reader.Number("scale", MinCbsScale, MaxCbsScale, "(times the buurt's residents)");
        if (file is null || code is null || (reader.Has("scale") && scale is null))
        {
            return null;
        }
        string full = Path.GetFullPath(Path.Combine(context.Directory, file));
        if (!cbsTables.TryGetValue(full, out InputResult<CbsTable>? table))
        {
            table = CbsTable.Load(full, file);
            cbsTables.Add(full, table);
        }
        if (!table.Succeeded)
        {
            foreach (InputProblem problem in table.Problems)
            {
                context.Error(reader.Child("file"), $"{problem.Message}: {file}{(problem.Field.Length > 0 ? " " + problem.Field : string.Empty)} (looked at {full})",
                    "paths are relative to the scenario file");
            }
            return null;
        }
        CbsTable cbs = table.Unwrap();
        if (!cbs.Contains(code))
        {
            context.Error(reader.Child("gwbCode"), $"gwb_code '{code}' is not in {file}",
                Suggestions.DidYouMean(code, cbs.Codes) ?? $"the file has {cbs.Codes.Count} codes, e.g. {string.Join(", ", cbs.Codes.Take(3))}");
            return null;
        }
        (PopulationProfile? profile, IReadOnlyList<string> missing) = cbs.Profile(code, scale ?? 1);
        if (profile is null)
        {
            context.Error(reader.Child("gwbCode"), $"CBS does not publish {string.Join(", ", missing)} for '{code}'",
                "choose a larger buurt or give the numbers under 'explicit'");
            return null;
        }
        if (profile.Residents < 1 || profile.Residents > MaxResidents)
        {
            context.Error(reader.Child("scale"), string.Create(CultureInfo.InvariantCulture,
                $"gives {profile.Residents} residents; a scenario needs 1 to {MaxResidents}"));
            return null;
        }
        return new PopulationSpec(profile, new CbsPopulationSource(full, code, cbs.Text(code, "regio"), scale ?? 1));
    }

    private static PopulationSpec? ReadExplicitPopulation(FileContext context, JsonElement element, string path)
    {
        ObjectReader? reader = ObjectReader.Open(context, element, path, ScenarioFormat.ExplicitPopulationShape);
        if (reader is null)
        {
            return null;
        }
        int? residents = reader.Integer("residents", 1, MaxResidents, "residents", required: true);
        int? households = reader.Integer("households", 1, MaxResidents, "households", required: true);
        if (residents is not null && households is not null && households > residents)
        {
            context.Error(reader.Child("households"), $"cannot exceed residents ({households} > {residents})");
            households = null;
        }
        AgeShares? ages = ReadShares(reader, "ageShares", ScenarioFormat.AgeSharesShape, required: true,
            v => new AgeShares(v[0], v[1], v[2], v[3], v[4]));
        double? women = reader.Number("womenShare", 0, 1, "(share)", required: true);
        double? single = reader.Number("singlePersonHouseholdShare", 0, 1, "(share of households)", required: true);
        double? children = reader.Number("householdsWithChildrenShare", 0, 1, "(share of households)", required: true);
        double? owners = reader.Number("ownerOccupiedShare", 0, 1, "(share of dwellings)", required: true);
        if (single is not null && children is not null && single + children > 1 + ShareSumTolerance)
        {
            context.Error(reader.Child("householdsWithChildrenShare"),
                "plus singlePersonHouseholdShare exceeds 1: a single-person household has no children");
            children = null;
        }
        BackgroundShares? background = ReadShares(reader, "background", ScenarioFormat.BackgroundSharesShape, required: false,
            v => new BackgroundShares(v[0], v[1], v[2]));
        EducationShares? education = ReadShares(reader, "education", ScenarioFormat.EducationSharesShape, required: false,
            v => new EducationShares(v[0], v[1], v[2]));
        if (residents is null || households is null || ages is null || women is null || single is null || children is null
            || owners is null || (reader.Has("background") && background is null) || (reader.Has("education") && education is null))
        {
            return null;
        }
        var profile = new PopulationProfile
        {
            Residents = residents.Value,
            Households = households.Value,
            Ages = ages,
            WomenShare = women.Value,
            SinglePersonHouseholdShare = single.Value,
            HouseholdsWithChildrenShare = children.Value,
            OwnerOccupiedShare = owners.Value,
            Background = background,
            Education = education,
        };
        return new PopulationSpec(profile, new ExplicitPopulationSource());
    }

    /// <summary>An object of shares in the shape's field order, each 0..1, summing to 1 (normalised).</summary>
    private static T? ReadShares<T>(ObjectReader parent, string name, string shape, bool required, Func<double[], T> make)
        where T : class
    {
        JsonElement? element = parent.Get(name);
        if (element is null)
        {
            if (required)
            {
                parent.Missing(name, "an object of shares " + string.Join(", ", ScenarioFormat.Shapes[shape].Order(StringComparer.Ordinal)));
            }
            return null;
        }
        ObjectReader? reader = ObjectReader.Open(parent.Context, element.Value, parent.Child(name), shape);
        if (reader is null)
        {
            return null;
        }
        string[] fields = shape switch
        {
            ScenarioFormat.AgeSharesShape => ["age0To14", "age15To24", "age25To44", "age45To64", "age65Plus"],
            ScenarioFormat.BackgroundSharesShape => ["dutch", "european", "nonEuropean"],
            _ => ["low", "middle", "high"],
        };
        double?[] values = [.. fields.Select(f => reader.Number(f, 0, 1, "(share)", required: true))];
        if (values.Any(v => v is null))
        {
            return null;
        }
        double sum = values.Sum(v => v!.Value);
        if (Math.Abs(sum - 1) > ShareSumTolerance)
        {
            parent.Context.Error(reader.Path, string.Create(CultureInfo.InvariantCulture, $"shares must add up to 1, they add up to {sum:0.###}"));
            return null;
        }
        return make([.. values.Select(v => v!.Value / sum)]);
    }

    private static string? Required(ObjectReader reader, string name, string what)
    {
        reader.Missing(name, what);
        return null;
    }
}
