using System.Globalization;
using System.Text.Json;
using DigitalTwin.Engine.Population;

namespace DigitalTwin.Engine.Scenarios;

public static partial class ScenarioLoader
{
    /// <summary>Shares written by hand may be rounded; within this of 1 they are accepted and normalised.</summary>
    private const double ShareSumTolerance = 0.01;

    /// <summary>A neighbourhood twin, not a country: beyond this the file is almost certainly mistyped.</summary>
    private const int MaxResidents = 2_000_000;

    private const double MinCbsScale = 0.001;

    private const double MaxCbsScale = 100;

    /// <summary>Average household size bounds, as <see cref="NeighbourhoodProfile.FromNumbers"/> checks them.</summary>
    private const double MinAverageHouseholdSize = 1;

    private const double MaxAverageHouseholdSize = 10;

    private static PopulationSpec? ReadPopulation(FileContext context, JsonElement element, string path)
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
            ? ReadCbsPopulation(context, cbs.Value, reader.Child("cbs"))
            : ReadExplicitPopulation(context, explicitNumbers!.Value, reader.Child("explicit"));
    }

    /// <summary>
    /// Reads the row with <see cref="CbsKerncijfers"/> and scales it. A problem in the CSV comes back as a problem of
    /// the scenario field it follows from (<c>file</c> when the table is unusable, <c>gwbCode</c> when the row is
    /// missing or bad) whose message names the CSV file and its line or column, so both files can be opened at the
    /// right place. Figures CBS leaves out ("." in small buurten) are not errors: the profile falls back to
    /// <see cref="DutchNationalDefaults"/> for them.
    /// </summary>
    private static PopulationSpec? ReadCbsPopulation(FileContext context, JsonElement element, string path)
    {
        ObjectReader? reader = ObjectReader.Open(context, element, path, ScenarioFormat.CbsPopulationShape);
        if (reader is null)
        {
            return null;
        }
        string? file = NonEmpty(reader, "file") ?? (reader.Has("file") ? null : Required(reader, "file", "the CBS CSV, relative to the scenario"));
        string? code = NonEmpty(reader, "gwbCode") ?? (reader.Has("gwbCode") ? null : Required(reader, "gwbCode", "a CBS gwb_code such as BU03440111"));
        double? scale = reader.Number("scale", MinCbsScale, MaxCbsScale, "(times the area's residents and households)");
        if (file is null || code is null || (reader.Has("scale") && scale is null))
        {
            return null;
        }
        // A municipality's row describes a whole town (Utrecht, GM0344: 367,947 people) placed on one map's homes.
        if (!code.Trim().StartsWith("BU", StringComparison.OrdinalIgnoreCase) && !code.Trim().StartsWith("WK", StringComparison.OrdinalIgnoreCase))
        {
            context.Error(reader.Child("gwbCode"), $"'{code}' is not a buurt (BU…) or wijk (WK…) code: a municipality's or other area's row describes far more people than one neighbourhood map holds",
                "give the row of the buurt the map covers, e.g. BU03440511");
            return null;
        }
        if (FullPathOf(context, reader.Child("file"), file) is not { } full)
        {
            return null;
        }
        if (!File.Exists(full))
        {
            context.Error(reader.Child("file"), $"CBS file not found: {file} (looked at {full})", "paths are relative to the scenario file");
            return null;
        }
        InputResult<NeighbourhoodProfile> read = CbsKerncijfers.Read(full, code);
        if (!read.Succeeded)
        {
            foreach (InputProblem problem in read.Problems)
            {
                bool aboutTheFile = problem.Field.Length == 0 || problem.Field == "line 1";
                string where = problem.Field.Length > 0 ? $"{file} ({problem.Field})" : file;
                context.Error(reader.Child(aboutTheFile ? "file" : "gwbCode"), $"{where}: {problem.Message}", problem.Suggestion);
            }
            return null;
        }
        NeighbourhoodProfile row = read.Unwrap();
        if (row.Residents < 1)
        {
            context.Error(reader.Child("gwbCode"), $"{row.Code} ({row.Name}) in {file} has no inhabitants",
                "choose a residential buurt or wijk, or give the numbers under 'explicit'");
            return null;
        }
        NeighbourhoodProfile profile = scale is double factor ? row.Scale(factor) : row;
        if (profile.Residents < 1 || profile.Residents > MaxResidents)
        {
            context.Error(reader.Child("scale"), string.Create(CultureInfo.InvariantCulture,
                $"gives {profile.Residents} residents ({row.Residents} x {scale}); a scenario needs 1 to {MaxResidents}"));
            return null;
        }
        return new PopulationSpec(profile, new CbsPopulationSource(full, row.Code, row.Name, scale ?? 1), context.At(reader.Path));
    }

    /// <summary>
    /// Reads written-out numbers. Only <c>residents</c> is required: any figure left out falls back to
    /// <see cref="DutchNationalDefaults"/>, as a CBS "." does. Shares are checked more strictly than
    /// <see cref="NeighbourhoodProfile.FromNumbers"/> needs (each 0..1, adding up to 1 within
    /// <see cref="ShareSumTolerance"/>): in a hand-written file a sum far from 1 is a typo, not a weight.
    /// </summary>
    private static PopulationSpec? ReadExplicitPopulation(FileContext context, JsonElement element, string path)
    {
        ObjectReader? reader = ObjectReader.Open(context, element, path, ScenarioFormat.ExplicitPopulationShape);
        if (reader is null)
        {
            return null;
        }
        int problemsBefore = context.Problems.Count;
        int? residents = reader.Integer("residents", 1, MaxResidents, "residents", required: true);
        int? households = reader.Integer("households", 1, MaxResidents, "households");
        double? householdSize = reader.Number("averageHouseholdSize", MinAverageHouseholdSize, MaxAverageHouseholdSize, "persons");
        if (residents is not null && households is not null && households > residents)
        {
            context.Error(reader.Child("households"), $"cannot exceed residents ({households} > {residents})");
        }
        if (reader.Has("households") && reader.Has("averageHouseholdSize"))
        {
            context.Error(reader.Child("averageHouseholdSize"), "give households or averageHouseholdSize, not both",
                "households are residents / averageHouseholdSize; two figures could contradict each other");
        }
        AgeShares? ages = ReadShares(reader, "ageShares", ScenarioFormat.AgeSharesShape, v => new AgeShares(v[0], v[1], v[2], v[3], v[4]));
        double? women = reader.Number("womenShare", 0, 1, "(share)");
        HouseholdTypeShares? householdTypes = ReadHouseholdTypes(reader);
        double? owners = reader.Number("ownerOccupiedShare", 0, 1, "(share of dwellings)");
        BackgroundShares? background = ReadShares(reader, "background", ScenarioFormat.BackgroundSharesShape, v => new BackgroundShares(v[0], v[1], v[2]));
        EducationShares? education = ReadShares(reader, "education", ScenarioFormat.EducationSharesShape, v => new EducationShares(v[0], v[1], v[2]));
        double? participation = reader.Number("labourParticipation", 0, 1, "(share of 15-75 year-olds in work)");
        if (context.Problems.Count > problemsBefore)
        {
            return null;
        }
        InputResult<NeighbourhoodProfile> profile = NeighbourhoodProfile.FromNumbers(
            residents!.Value, ages, women, background, householdTypes, householdSize, households, owners, education, participation,
            file: context.At(reader.Path).File);
        if (!profile.Succeeded)
        {
            // The checks above cover FromNumbers' own; should they ever differ, its problems still point at the field.
            foreach (InputProblem problem in profile.Problems)
            {
                string field = problem.Field.StartsWith("population.", StringComparison.Ordinal) ? problem.Field["population.".Length..] : problem.Field;
                context.Error(reader.Child(field), problem.Message, problem.Suggestion);
            }
            return null;
        }
        return new PopulationSpec(profile.Unwrap(), new ExplicitPopulationSource(), context.At(reader.Path));
    }

    /// <summary>
    /// The scenario format gives household types as two shares of households (one person; with children), the rest
    /// being households of several people without children: the two must be given together and add up to at most 1.
    /// </summary>
    private static HouseholdTypeShares? ReadHouseholdTypes(ObjectReader reader)
    {
        double? single = reader.Number("singlePersonHouseholdShare", 0, 1, "(share of households)");
        double? children = reader.Number("householdsWithChildrenShare", 0, 1, "(share of households)");
        if (reader.Has("singlePersonHouseholdShare") != reader.Has("householdsWithChildrenShare"))
        {
            string missing = reader.Has("singlePersonHouseholdShare") ? "householdsWithChildrenShare" : "singlePersonHouseholdShare";
            reader.Context.Error(reader.Child(missing),
                "is required with the other household share: together they split households into one person, with children and the rest");
            return null;
        }
        if (single is null || children is null)
        {
            return null;
        }
        if (single + children > 1 + ShareSumTolerance)
        {
            reader.Context.Error(reader.Child("householdsWithChildrenShare"),
                "plus singlePersonHouseholdShare exceeds 1: a single-person household has no children");
            return null;
        }
        return new HouseholdTypeShares(single.Value, Math.Max(0, 1 - single.Value - children.Value), children.Value);
    }

    /// <summary>An optional object of shares in the shape's field order, each 0..1, summing to 1 (normalised).</summary>
    private static T? ReadShares<T>(ObjectReader parent, string name, string shape, Func<double[], T> make)
        where T : struct
    {
        JsonElement? element = parent.Get(name);
        if (element is null)
        {
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
