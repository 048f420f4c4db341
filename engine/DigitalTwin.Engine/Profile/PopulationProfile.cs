using System.Globalization;
using System.Text;
using DigitalTwin.Engine.Population;
using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Engine.Profile;

/// <summary>One line of the "who lives here" table: the area, its municipality and the Netherlands side by side.</summary>
/// <param name="Key">Stable camelCase key for profile.json.</param>
/// <param name="Label">How a reader reads it.</param>
/// <param name="Unit">"" for counts, "%" for shares, or the unit.</param>
/// <param name="Area">The buurt (or the synthesised population).</param>
/// <param name="Municipality">Its municipality; null when not in the file or not applicable.</param>
/// <param name="National">The Netherlands; null when not bundled.</param>
/// <param name="Definition">What is counted, in one sentence.</param>
public sealed record PopulationFigure(string Key, string Label, string Unit, double? Area, double? Municipality, double? National, string Definition);

/// <summary>
/// Step 1A of TNO's method: who lives in the neighbourhood, from the scenario's CBS row beside its municipality's row
/// (the GM row of the same file) and the national figures, or, for a scenario with explicit numbers, from the
/// synthesised population itself.
/// </summary>
public sealed record PopulationProfile(AreaFigures Area, AreaFigures? Municipality, AreaFigures National, IReadOnlyList<PopulationFigure> Figures, string SourceNote)
{
    public const string CbsSource = "CBS, Kerncijfers wijken en buurten 2023 (CC BY 4.0)";

    private static readonly string[] AgeBandLabels = ["0-14", "15-24", "25-44", "45-64", "65+"];

    /// <summary>The profile of a scenario's population; problems name the CBS file and column.</summary>
    public static InputResult<PopulationProfile> For(Scenario scenario, Residents residents)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(residents);
        var c = CultureInfo.InvariantCulture;
        if (scenario.Population.Source is CbsPopulationSource cbs)
        {
            var rows = ReadRows(cbs.File, cbs.GwbCode, out var problem);
            if (problem is not null)
            {
                return InputResult<PopulationProfile>.Failure(problem);
            }
            string note = $"{CbsSource}, row {cbs.GwbCode} ({cbs.RegionName}) of {Path.GetFileName(cbs.File)}"
                + (rows.Municipality is null ? "; the file has no row for its municipality" : $", beside its municipality {rows.Municipality.Name} ({rows.Municipality.Code})")
                + (cbs.Scale == 1 ? "." : string.Create(c, $". The scenario scales this population by {cbs.Scale} to {residents.Count:N0} residents; the figures here are the CBS row as counted."));
            return InputResult<PopulationProfile>.Success(Build(rows.Area, rows.Municipality, note));
        }
        var own = FromResidents(residents, scenario.Name);
        return InputResult<PopulationProfile>.Success(Build(own, null,
            "The scenario gives its population as explicit numbers, so there is no CBS row: the figures are those of the synthesised population itself (seed " + scenario.Seed.ToString(c) + ")."));
    }

    /// <summary>Figures of a synthesised population, counted from its residents and households.</summary>
    public static AreaFigures FromResidents(Residents residents, string name)
    {
        ArgumentNullException.ThrowIfNull(residents);
        var ages = new double[5];
        double women = 0, dutch = 0, european = 0, nonEuropean = 0, low = 0, middle = 0, high = 0;
        for (int r = 0; r < residents.Count; r++)
        {
            ages[(int)residents.AgeBand[r]]++;
            women += residents.Gender[r] == Gender.Woman ? 1 : 0;
            switch (residents.Background[r])
            {
                case Background.Dutch: dutch++; break;
                case Background.European: european++; break;
                default: nonEuropean++; break;
            }
            switch (residents.Education[r])
            {
                case EducationLevel.Low: low++; break;
                case EducationLevel.Middle: middle++; break;
                case EducationLevel.High: high++; break;
                default: break;
            }
        }
        double one = 0, without = 0, with = 0, owners = 0;
        for (int h = 0; h < residents.HouseholdCount; h++)
        {
            switch (residents.HouseholdType[h])
            {
                case HouseholdType.OnePerson: one++; break;
                case HouseholdType.WithoutChildren: without++; break;
                default: with++; break;
            }
            var members = residents.MembersOf(h);
            if (members.Start.Value < members.End.Value && residents.Tenure[members.Start.Value] == Tenure.Owner)
            {
                owners++;
            }
        }
        int households = residents.HouseholdCount;
        return new AreaFigures
        {
            Code = "synthesised",
            Name = name,
            Inhabitants = residents.Count,
            Men = residents.Count - women,
            Women = women,
            AgeBands = [.. ages.Select(a => (double?)a)],
            Households = households,
            OnePersonHouseholds = one,
            HouseholdsWithoutChildren = without,
            HouseholdsWithChildren = with,
            AverageHouseholdSize = households > 0 ? (double)residents.Count / households : null,
            OwnerOccupiedPercent = households > 0 ? 100 * owners / households : null,
            RentedPercent = households > 0 ? 100 * (households - owners) / households : null,
            DutchBackground = dutch,
            EuropeanBackground = european,
            NonEuropeanBackground = nonEuropean,
            EducationLow = low,
            EducationMiddle = middle,
            EducationHigh = high,
        };
    }

    private static PopulationProfile Build(AreaFigures area, AreaFigures? municipality, string note)
    {
        var national = NationalFigures.Netherlands;
        var figures = new List<PopulationFigure>();
        void Add(string key, string label, string unit, Func<AreaFigures, double?> of, string definition) =>
            figures.Add(new(key, label, unit, of(area), municipality is null ? null : of(municipality), of(national), definition));
        static double? Share(double? part, double? whole) => part is double p && whole is > 0 ? 100 * p / whole.Value : null;
        static double? SumOf(params double?[] parts) => parts.All(p => p is not null) ? parts.Sum(p => p!.Value) : null;

        Add("inhabitants", "inhabitants", "", a => a.Inhabitants, "Registered inhabitants (a_inw).");
        Add("womenShare", "women", "%", a => Share(a.Women, SumOf(a.Men, a.Women)), "Women as a share of inhabitants (a_vrouw / (a_man + a_vrouw)).");
        Add("menShare", "men", "%", a => Share(a.Men, SumOf(a.Men, a.Women)), "Men as a share of inhabitants (a_man / (a_man + a_vrouw)).");
        for (int band = 0; band < 5; band++)
        {
            int b = band;
            Add($"age{AgeBandLabels[b].Replace("-", "to", StringComparison.Ordinal).Replace("+", "Plus", StringComparison.Ordinal)}Share", $"aged {AgeBandLabels[b]}", "%",
                a => Share(a.AgeBands[b], SumOf([.. a.AgeBands])), $"Inhabitants aged {AgeBandLabels[b]} as a share of all five age bands.");
        }
        Add("households", "households", "", a => a.Households, "Private households (a_hh).");
        Add("onePersonHouseholdShare", "single-person households", "%", a => Share(a.OnePersonHouseholds, a.Households), "One-person households as a share of households (a_1p_hh / a_hh).");
        Add("householdsWithoutChildrenShare", "households without children", "%", a => Share(a.HouseholdsWithoutChildren, a.Households), "Multi-person households without children as a share of households (a_hh_z_k / a_hh).");
        Add("householdsWithChildrenShare", "households with children", "%", a => Share(a.HouseholdsWithChildren, a.Households), "Households with children as a share of households (a_hh_m_k / a_hh).");
        Add("averageHouseholdSize", "average household size", "persons", a => a.AverageHouseholdSize, "Persons per private household (g_hhgro).");
        Add("ownerOccupiedShare", "owner-occupied dwellings", "%", a => a.OwnerOccupiedPercent, "Owner-occupied dwellings as a share of dwellings (p_koopw); for a synthesised population, households that own their home.");
        Add("rentedShare", "rented dwellings", "%", a => a.RentedPercent, "Rented dwellings as a share of dwellings (p_huurw); for a synthesised population, households that rent.");
        var origin = new Func<AreaFigures, double?>(a => SumOf(a.DutchBackground, a.EuropeanBackground, a.NonEuropeanBackground));
        Add("dutchBackgroundShare", "Dutch background", "%", a => Share(a.DutchBackground, origin(a)), "Inhabitants of Dutch origin as a share of all (a_nl_all).");
        Add("europeanBackgroundShare", "European migration background", "%", a => Share(a.EuropeanBackground, origin(a)), "Inhabitants of European (non-Dutch) origin as a share of all (a_eur_al).");
        Add("nonEuropeanBackgroundShare", "non-European migration background", "%", a => Share(a.NonEuropeanBackground, origin(a)), "Inhabitants of origin outside Europe as a share of all (a_neu_al).");
        var educated = new Func<AreaFigures, double?>(a => SumOf(a.EducationLow, a.EducationMiddle, a.EducationHigh));
        Add("educationLowShare", "education: low", "%", a => Share(a.EducationLow, educated(a)), "15-75 year-olds whose highest education is low (a_opl_lg), as a share of those with a known level.");
        Add("educationMiddleShare", "education: middle", "%", a => Share(a.EducationMiddle, educated(a)), "15-75 year-olds whose highest education is middle (a_opl_md), as a share of those with a known level.");
        Add("educationHighShare", "education: high", "%", a => Share(a.EducationHigh, educated(a)), "15-75 year-olds whose highest education is high (a_opl_hg), as a share of those with a known level.");
        Add("densityPerSquareKm", "population density", "per km²", a => a.DensityPerSquareKm, "Inhabitants per km² of land (bev_dich).");
        Add("dwellings", "dwellings", "", a => a.Dwellings, "Dwellings (a_woning).");
        return new PopulationProfile(area, municipality, national, figures, note);
    }

    /// <summary>The buurt's row and its municipality's (GM + the four digits of the municipality code) from one CBS file.</summary>
    internal static (AreaFigures Area, AreaFigures? Municipality) ReadRows(string file, string gwbCode, out InputProblem? problem)
    {
        problem = null;
        string municipalityCode = gwbCode.Length >= 6 ? "GM" + gwbCode.Substring(2, 4) : string.Empty;
        AreaFigures? area = null, municipality = null;
        try
        {
            using var reader = new StreamReader(IO.BoundedFile.OpenRead(file, CbsKerncijfers.MaxFileBytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var header = CbsKerncijfers.SplitLine(reader.ReadLine() ?? string.Empty, out _);
            var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < header.Count; i++)
            {
                columns.TryAdd(header[i].Trim(), i);
            }
            string? line;
            int lineNumber = 1;
            while ((line = reader.ReadLine()) is not null && (area is null || municipality is null))
            {
                lineNumber++;
                var fields = CbsKerncijfers.SplitLine(line, out _);
                string code = columns.TryGetValue("gwb_code", out int ci) && ci < fields.Count ? fields[ci].Trim() : string.Empty;
                bool isArea = string.Equals(code, gwbCode, StringComparison.OrdinalIgnoreCase);
                bool isMunicipality = string.Equals(code, municipalityCode, StringComparison.OrdinalIgnoreCase);
                if (!isArea && !isMunicipality)
                {
                    continue;
                }
                var figures = ToFigures(file, lineNumber, code, fields, columns, ref problem);
                if (problem is not null)
                {
                    return (null!, null);
                }
                if (isArea)
                {
                    area = figures;
                }
                else
                {
                    municipality = figures;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or IO.FileTooLargeException)
        {
            problem = new InputProblem(file, string.Empty, $"cannot read the CBS file: {e.Message}");
            return (null!, null);
        }
        if (area is null)
        {
            problem = new InputProblem(file, "gwb_code", $"no area with gwb_code '{gwbCode}'");
            return (null!, null);
        }
        return (area, municipality);
    }

    private static AreaFigures ToFigures(string file, int lineNumber, string code, List<string> fields, Dictionary<string, int> columns, ref InputProblem? problem)
    {
        InputProblem? found = null;
        double? Number(string column)
        {
            if (!columns.TryGetValue(column, out int index) || index >= fields.Count)
            {
                return null;
            }
            string text = fields[index].Trim();
            if (text.Length == 0 || text == ".")
            {
                return null;
            }
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value >= 0)
            {
                return value;
            }
            found ??= new InputProblem(file, $"line {lineNumber}, column {column}", $"'{text}' for {code} is not a non-negative number or '.'");
            return null;
        }
        string name = columns.TryGetValue("regio", out int ni) && ni < fields.Count ? fields[ni].Trim() : code;
        var figures = new AreaFigures
        {
            Code = code,
            Name = name,
            Inhabitants = Number("a_inw"),
            Men = Number("a_man"),
            Women = Number("a_vrouw"),
            AgeBands = [Number("a_00_14"), Number("a_15_24"), Number("a_25_44"), Number("a_45_64"), Number("a_65_oo")],
            Households = Number("a_hh"),
            OnePersonHouseholds = Number("a_1p_hh"),
            HouseholdsWithoutChildren = Number("a_hh_z_k"),
            HouseholdsWithChildren = Number("a_hh_m_k"),
            AverageHouseholdSize = Number("g_hhgro"),
            DensityPerSquareKm = Number("bev_dich"),
            Dwellings = Number("a_woning"),
            OwnerOccupiedPercent = Number("p_koopw"),
            RentedPercent = Number("p_huurw"),
            DutchBackground = Number("a_nl_all"),
            EuropeanBackground = Number("a_eur_al"),
            NonEuropeanBackground = Number("a_neu_al"),
            EducationLow = Number("a_opl_lg"),
            EducationMiddle = Number("a_opl_md"),
            EducationHigh = Number("a_opl_hg"),
        };
        problem = found;
        return figures;
    }
}
