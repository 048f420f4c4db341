using System.Globalization;
using System.Text;

namespace DigitalTwin.Engine.Scenarios;

/// <summary>
/// A CBS "Kerncijfers wijken en buurten" CSV (one row per gemeente, wijk or buurt; official column codes; "." for
/// values CBS does not publish). Reads the columns a population profile needs.
/// </summary>
public sealed class CbsTable
{
    private readonly string[] _header;
    private readonly Dictionary<string, string[]> _rows;

    private CbsTable(string[] header, Dictionary<string, string[]> rows)
    {
        _header = header;
        _rows = rows;
    }

    /// <summary>Every gwb_code in the file, in file order.</summary>
    public IReadOnlyList<string> Codes { get; private init; } = [];

    /// <summary>Reads the table; a problem when the file is missing, unreadable or has no gwb_code column.</summary>
    public static InputResult<CbsTable> Load(string path, string displayPath)
    {
        if (!File.Exists(path))
        {
            return InputResult<CbsTable>.Failure(new InputProblem(displayPath, string.Empty, "CBS file not found"));
        }
        string[] lines = File.ReadAllLines(path, Encoding.UTF8);
        if (lines.Length == 0)
        {
            return InputResult<CbsTable>.Failure(new InputProblem(displayPath, string.Empty, "CBS file is empty"));
        }
        string[] header = SplitCsvLine(lines[0]);
        int codeColumn = Array.IndexOf(header, "gwb_code");
        if (codeColumn < 0)
        {
            return InputResult<CbsTable>.Failure(new InputProblem(displayPath, "line 1",
                "has no gwb_code column; expected a CBS Kerncijfers wijken en buurten CSV with official column codes"));
        }
        var rows = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        var codes = new List<string>();
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }
            string[] cells = SplitCsvLine(lines[i]);
            if (cells.Length != header.Length)
            {
                return InputResult<CbsTable>.Failure(new InputProblem(displayPath, $"line {i + 1}",
                    $"has {cells.Length} values where the header has {header.Length} columns"));
            }
            if (rows.TryAdd(cells[codeColumn], cells))
            {
                codes.Add(cells[codeColumn]);
            }
        }
        return InputResult<CbsTable>.Success(new CbsTable(header, rows) { Codes = codes });
    }

    public bool Contains(string gwbCode) => _rows.ContainsKey(gwbCode);

    /// <summary>A column's value for a row; null when CBS publishes "." (not available) or the column is absent.</summary>
    public double? Value(string gwbCode, string column)
    {
        int index = Array.IndexOf(_header, column);
        if (index < 0)
        {
            return null;
        }
        string cell = _rows[gwbCode][index].Trim();
        return double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : null;
    }

    public string Text(string gwbCode, string column)
    {
        int index = Array.IndexOf(_header, column);
        return index < 0 ? string.Empty : _rows[gwbCode][index];
    }

    /// <summary>
    /// The profile of a row with residents and households multiplied by <paramref name="scale"/>, or the list of
    /// columns CBS does not publish for it (a profile needs inhabitants, age bands, women, households and tenure).
    /// </summary>
    public (PopulationProfile? Profile, IReadOnlyList<string> MissingColumns) Profile(string gwbCode, double scale)
    {
        string[] required =
        [
            "a_inw", "a_vrouw", "a_00_14", "a_15_24", "a_25_44", "a_45_64", "a_65_oo", "a_hh", "a_1p_hh", "a_hh_m_k", "p_koopw",
        ];
        var values = required.ToDictionary(c => c, c => Value(gwbCode, c), StringComparer.Ordinal);
        string[] missing = [.. required.Where(c => values[c] is null)];
        double inhabitants = values["a_inw"] ?? 0;
        double households = values["a_hh"] ?? 0;
        if (missing.Length > 0 || inhabitants <= 0 || households <= 0)
        {
            return (null, missing.Length > 0 ? missing : ["a_inw", "a_hh"]);
        }
        // CBS rounds counts to fives, so age bands need not add up to a_inw exactly: normalise over their sum.
        double ageTotal = values["a_00_14"]!.Value + values["a_15_24"]!.Value + values["a_25_44"]!.Value
            + values["a_45_64"]!.Value + values["a_65_oo"]!.Value;
        var ages = new AgeShares(
            values["a_00_14"]!.Value / ageTotal, values["a_15_24"]!.Value / ageTotal, values["a_25_44"]!.Value / ageTotal,
            values["a_45_64"]!.Value / ageTotal, values["a_65_oo"]!.Value / ageTotal);
        double? dutch = Value(gwbCode, "a_nl_all");
        double? european = Value(gwbCode, "a_eur_al");
        double? nonEuropean = Value(gwbCode, "a_neu_al");
        BackgroundShares? background = dutch is null || european is null || nonEuropean is null
            ? null
            : Normalised(dutch.Value, european.Value, nonEuropean.Value, (a, b, c) => new BackgroundShares(a, b, c));
        double? low = Value(gwbCode, "a_opl_lg");
        double? middle = Value(gwbCode, "a_opl_md");
        double? high = Value(gwbCode, "a_opl_hg");
        EducationShares? education = low is null || middle is null || high is null
            ? null
            : Normalised(low.Value, middle.Value, high.Value, (a, b, c) => new EducationShares(a, b, c));
        var profile = new PopulationProfile
        {
            Residents = (int)Math.Round(inhabitants * scale),
            Households = Math.Max(1, (int)Math.Round(households * scale)),
            Ages = ages,
            WomenShare = Math.Clamp(values["a_vrouw"]!.Value / inhabitants, 0, 1),
            SinglePersonHouseholdShare = Math.Clamp(values["a_1p_hh"]!.Value / households, 0, 1),
            HouseholdsWithChildrenShare = Math.Clamp(values["a_hh_m_k"]!.Value / households, 0, 1),
            OwnerOccupiedShare = Math.Clamp(values["p_koopw"]!.Value / 100, 0, 1),
            Background = background,
            Education = education,
        };
        return (profile, []);
    }

    private static T? Normalised<T>(double a, double b, double c, Func<double, double, double, T> make)
        where T : class
    {
        double total = a + b + c;
        return total <= 0 ? null : make(a / total, b / total, c / total);
    }

    /// <summary>Splits one CSV line, honouring double-quoted cells (CBS quotes names with commas).</summary>
    internal static string[] SplitCsvLine(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }
        cells.Add(cell.ToString());
        return [.. cells];
    }
}
