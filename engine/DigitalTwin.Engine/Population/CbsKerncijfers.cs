using System.Globalization;
using System.Text;

namespace DigitalTwin.Engine.Population;

/// <summary>
/// Reads CBS "Kerncijfers wijken en buurten" (one CSV per municipality, official column codes, comma separated,
/// names with commas in double quotes, "." for not available) into a <see cref="NeighbourhoodProfile"/> for one
/// area chosen by its gwb_code (GM…, WK…, BU…). Only <c>gwb_code</c> and <c>a_inw</c> are required; any other
/// column may be missing or ".", and the profile then carries null for it.
/// <para>
/// Problems name the CSV file and, in <see cref="InputProblem.Field"/>: <c>""</c> or <c>"line 1"</c> when the file
/// itself is not a usable table (missing, empty, header without gwb_code or a_inw); <c>"gwb_code"</c> when no row has
/// the code (with a suggestion); the line or column of the chosen row when that row is malformed. The scenario
/// loader relies on this split to point at <c>population.cbs.file</c> or <c>population.cbs.gwbCode</c>.
/// </para>
/// </summary>
internal static class CbsKerncijfers
{
    private const string CodeColumn = "gwb_code";
    private const string NameColumn = "regio";
    private const string ResidentsColumn = "a_inw";

    /// <summary>Reads the file and returns the profile of the area <paramref name="gwbCode"/>.</summary>
    /// <summary>CBS's national Kerncijfers table of every wijk and buurt is some tens of MB; far more is the wrong file.</summary>
    internal const long MaxFileBytes = 256L << 20;

    public static InputResult<NeighbourhoodProfile> Read(string path, string gwbCode)
    {
        if (!File.Exists(path))
        {
            return InputResult<NeighbourhoodProfile>.Failure(new InputProblem(path, "", "file not found",
                "give the path of a CBS Kerncijfers wijken en buurten CSV, e.g. scenarios/data/cbs/kwb-2023-utrecht.csv"));
        }
        using var reader = new StreamReader(IO.BoundedFile.OpenRead(path, MaxFileBytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        try
        {
            return Parse(reader, path, gwbCode);
        }
        catch (IO.FileTooLargeException)
        {
            return Fail(path, "", $"is larger than {IO.BoundedFile.Describe(MaxFileBytes)}, far more than CBS's national table of all buurten (is this the right file?)");
        }
    }

    /// <summary>Parses CSV text; <paramref name="fileName"/> is only used in problems.</summary>
    public static InputResult<NeighbourhoodProfile> Parse(TextReader reader, string fileName, string gwbCode)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string? headerLine = reader.ReadLine();
        if (headerLine is null)
        {
            return Fail(fileName, "", "the file is empty; expected a header line with CBS column codes");
        }
        List<string> header = SplitLine(headerLine, out bool headerOk);
        if (!headerOk)
        {
            return Fail(fileName, "line 1", "unterminated quote in the header");
        }
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < header.Count; i++)
        {
            columns.TryAdd(header[i].Trim(), i);
        }
        if (!columns.TryGetValue(CodeColumn, out int codeIndex))
        {
            return Fail(fileName, "line 1", "no gwb_code column; is this a CBS Kerncijfers wijken en buurten file?");
        }
        if (!columns.ContainsKey(ResidentsColumn))
        {
            return Fail(fileName, "line 1", "no a_inw (inhabitants) column");
        }
        columns.TryGetValue(NameColumn, out int nameIndex);
        bool hasName = columns.ContainsKey(NameColumn);

        string wanted = gwbCode.Trim();
        var known = new List<(string Code, string Name)>();
        int lineNumber = 1;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }
            List<string> fields = SplitLine(line, out bool quotesClosed);
            string code = codeIndex < fields.Count ? fields[codeIndex].Trim() : "";
            string name = hasName && nameIndex < fields.Count ? fields[nameIndex].Trim() : "";
            if (!string.Equals(code, wanted, StringComparison.OrdinalIgnoreCase))
            {
                known.Add((code, name));
                continue;
            }
            if (!quotesClosed || fields.Count != header.Count)
            {
                return Fail(fileName, $"line {lineNumber}",
                    $"malformed row for {code}: {fields.Count} fields where the header has {header.Count}"
                    + (quotesClosed ? "" : " (unterminated quote)"));
            }
            return ToProfile(fileName, code, name, fields, columns);
        }
        return Fail(fileName, CodeColumn, $"no area with gwb_code '{gwbCode}'", Suggest(wanted, known));
    }

    /// <summary>Splits one CSV line: commas separate, double quotes enclose, "" inside quotes is a quote.</summary>
    internal static List<string> SplitLine(string line, out bool quotesClosed)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        bool inQuotes = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < line.Length && line[i + 1] == '"')
                    {
                        current.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        fields.Add(current.ToString());
        quotesClosed = !inQuotes;
        return fields;
    }

    private static InputResult<NeighbourhoodProfile> ToProfile(
        string file, string code, string name, List<string> fields, Dictionary<string, int> columns)
    {
        var problems = new List<InputProblem>();
        double? Number(string column)
        {
            if (!columns.TryGetValue(column, out int index))
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
            problems.Add(new InputProblem(file, column, $"'{text}' for {code} is not a non-negative number or '.'"));
            return null;
        }

        double? inhabitants = Number(ResidentsColumn);
        double? men = Number("a_man"), women = Number("a_vrouw");
        double? a0 = Number("a_00_14"), a15 = Number("a_15_24"), a25 = Number("a_25_44"),
            a45 = Number("a_45_64"), a65 = Number("a_65_oo");
        double? nl = Number("a_nl_all"), eur = Number("a_eur_al"), neu = Number("a_neu_al");
        double? households = Number("a_hh"), onePerson = Number("a_1p_hh"), without = Number("a_hh_z_k"),
            with = Number("a_hh_m_k"), size = Number("g_hhgro");
        double? owned = Number("p_koopw"), rented = Number("p_huurw");
        double? low = Number("a_opl_lg"), middle = Number("a_opl_md"), high = Number("a_opl_hg");
        double? participation = Number("p_arb_pp");
        double? urbanisation = Number("ste_mvs");
        if (inhabitants is null && problems.Count == 0)
        {
            problems.Add(new InputProblem(file, ResidentsColumn, $"the number of inhabitants of {code} is not available",
                "choose another area, or give the numbers under population.explicit in the scenario"));
        }
        if (problems.Count > 0)
        {
            return InputResult<NeighbourhoodProfile>.Failure(problems);
        }

        double? ownerShare = (owned, rented) switch
        {
            (double o, double r) when o + r > 0 => o / (o + r),
            (double o, null) when o <= 100 => o / 100,
            (null, double r) when r <= 100 => 1 - r / 100,
            _ => null,
        };
        var age = new AgeShares(a0 ?? -1, a15 ?? -1, a25 ?? -1, a45 ?? -1, a65 ?? -1);
        var background = new BackgroundShares(nl ?? -1, eur ?? -1, neu ?? -1);
        var types = new HouseholdTypeShares(onePerson ?? -1, without ?? -1, with ?? -1);
        var education = new EducationShares(low ?? -1, middle ?? -1, high ?? -1);
        return InputResult<NeighbourhoodProfile>.Success(new NeighbourhoodProfile
        {
            Code = code,
            Name = name,
            Residents = (int)Math.Round(inhabitants!.Value),
            Households = households is > 0 ? (int)Math.Round(households.Value) : null,
            AverageHouseholdSize = size is >= 1 ? size : null,
            Age = age.IsValid ? age : null,
            WomenShare = men + women is > 0 ? women / (men + women) : null,
            Background = background.IsValid ? background : null,
            HouseholdTypes = types.IsValid ? types : null,
            OwnerShare = ownerShare,
            Education = education.IsValid ? education : null,
            LabourParticipation = participation is > 0 and <= 100 ? participation / 100 : null,
            UrbanisationClass = urbanisation is >= 1 and <= 5 && urbanisation == Math.Round(urbanisation.Value) ? (int)urbanisation : null,
        });
    }

    private static InputResult<NeighbourhoodProfile> Fail(string file, string field, string message, string? suggestion = null) =>
        InputResult<NeighbourhoodProfile>.Failure(new InputProblem(file, field, message, suggestion));

    /// <summary>
    /// Close matches for an unknown code: an area whose name contains what was typed (people type names), else
    /// the codes and names nearest by edit distance.
    /// </summary>
    private static string? Suggest(string wanted, List<(string Code, string Name)> known)
    {
        if (known.Count == 0)
        {
            return null;
        }
        var byName = known
            .Where(k => k.Name.Length > 0 && wanted.Length >= 3 && k.Name.Contains(wanted, StringComparison.OrdinalIgnoreCase))
            .Take(3)
            .ToList();
        var chosen = byName.Count > 0
            ? byName
            : [.. known
                .Select(k => (k.Code, k.Name, Distance: Math.Min(
                    Suggestions.Distance(wanted.ToUpperInvariant(), k.Code.ToUpperInvariant()),
                    Suggestions.Distance(wanted.ToUpperInvariant(), k.Name.ToUpperInvariant()))))
                .OrderBy(k => k.Distance)
                .ThenBy(k => k.Code, StringComparer.Ordinal)
                .Take(3)
                .Select(k => (k.Code, k.Name))];
        return "did you mean " + string.Join(", ", chosen.Select(k => k.Name.Length > 0 ? $"{k.Code} ({k.Name})" : k.Code)) + "?";
    }
}
