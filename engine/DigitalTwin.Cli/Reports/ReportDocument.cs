using System.Globalization;
using System.Net;
using System.Text;

namespace DigitalTwin.Cli.Reports;

/// <summary>One piece of a report; the same blocks render as Markdown and as self-contained HTML.</summary>
internal abstract record ReportBlock;

internal sealed record Heading(int Level, string Text) : ReportBlock;

internal sealed record Paragraph(string Text) : ReportBlock;

/// <summary>A table; columns after the first are numbers and align right, up to <paramref name="NumberColumns"/> of them (the rest are text).</summary>
internal sealed record Table(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, int NumberColumns = int.MaxValue) : ReportBlock
{
    public bool IsNumber(int column) => column > 0 && column <= NumberColumns;
}

/// <summary>A chart: written next to report.md as <see cref="FileName"/>, embedded in report.html as base64.</summary>
internal sealed record Chart(string FileName, string Caption, byte[] Png) : ReportBlock;

/// <summary>
/// A chart drawn as SVG: written next to the Markdown as <see cref="FileName"/> and inlined in the HTML, so the page
/// needs no image files and stays sharp at any zoom.
/// </summary>
/// <param name="Svg">The <c>&lt;svg&gt;</c> element without a namespace declaration (HTML5 inlines it as is).</param>
internal sealed record SvgChart(string FileName, string Caption, string Svg) : ReportBlock
{
    /// <summary>The standalone file's text: a stand-alone SVG file needs the SVG namespace to open in a browser.</summary>
    public string StandaloneFile() => Svg.Replace("<svg ", "<svg xmlns=\"" + "http" + "://www.w3.org/2000/svg\" ", StringComparison.Ordinal);
}

/// <summary>A titled list of blocks with the two renderings the comparison writes.</summary>
internal sealed record ReportDocument(string Title, IReadOnlyList<ReportBlock> Blocks)
{
    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.Append("# ").AppendLine(Line(Title)).AppendLine();
        foreach (var block in Blocks)
        {
            switch (block)
            {
                case Heading h:
                    md.Append(new string('#', h.Level)).Append(' ').AppendLine(Line(h.Text)).AppendLine();
                    break;
                case Paragraph p:
                    md.AppendLine(LineStart(ParagraphText(p.Text))).AppendLine();
                    break;
                case Table t:
                    md.Append("| ").AppendJoin(" | ", t.Header.Select(Cell)).AppendLine(" |");
                    md.Append("|---").Append(string.Concat(Enumerable.Range(1, t.Header.Count - 1).Select(i => t.IsNumber(i) ? "|---:" : "|---"))).AppendLine("|");
                    foreach (var row in t.Rows)
                    {
                        md.Append("| ").AppendJoin(" | ", row.Select(Cell)).AppendLine(" |");
                    }
                    md.AppendLine();
                    break;
                case Chart c:
                    md.Append("![").Append(Text(c.Caption)).Append("](").Append(c.FileName).AppendLine(")").AppendLine();
                    break;
                case SvgChart c:
                    md.Append("![").Append(Text(c.Caption)).Append("](").Append(c.FileName).AppendLine(")").AppendLine();
                    break;
                default:
                    throw new InvalidOperationException($"Unknown report block {block.GetType().Name}.");
            }
        }
        return md.ToString();
    }

    /// <summary>One file that opens offline: the style inline, the charts as data URIs, no scripts, no links out.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        // A phone shows the page at its own width, not a shrunk desktop page; wide tables scroll inside their box.
        html.AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append("<title>").Append(Encode(Title)).AppendLine("</title>");
        html.AppendLine("<style>");
        html.AppendLine("body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:68rem;margin:2rem auto;padding:0 1rem;color:#1d2430;line-height:1.5}");
        html.AppendLine("h1{border-bottom:2px solid #2d6a4f;padding-bottom:.3rem}h2{margin-top:2.5rem;color:#2d6a4f}h3{margin-top:1.5rem}");
        html.AppendLine("table{border-collapse:collapse;margin:.5rem 0 1.5rem;font-size:.9rem}th,td{border:1px solid #ccd3dc;padding:.25rem .6rem}");
        html.AppendLine("th{background:#eef2f5;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}tr:nth-child(even) td{background:#f8fafb}");
        html.AppendLine("figure{margin:1rem 0}figure img,figure svg{max-width:100%;height:auto;border:1px solid #e0e4e8}figcaption{font-size:.85rem;color:#555}");
        html.AppendLine(".table{overflow-x:auto;-webkit-overflow-scrolling:touch}p,td,th,h1,h2,h3{overflow-wrap:anywhere}");
        html.AppendLine("@media (max-width:40rem){body{margin:1rem auto;padding:0 .6rem}table{font-size:.8rem}th,td{padding:.2rem .35rem}h1{font-size:1.4rem}}");
        html.AppendLine("</style></head><body>");
        html.Append("<h1>").Append(Encode(Title)).AppendLine("</h1>");
        foreach (var block in Blocks)
        {
            switch (block)
            {
                case Heading h:
                    int level = Math.Clamp(h.Level, 2, 6);
                    html.Append(CultureInfo.InvariantCulture, $"<h{level}>").Append(Encode(h.Text)).AppendLine(CultureInfo.InvariantCulture, $"</h{level}>");
                    break;
                case Paragraph p:
                    html.Append("<p>").Append(Inline(p.Text)).AppendLine("</p>");
                    break;
                case Table t:
                    html.Append("<div class=\"table\"><table><thead><tr>");
                    foreach (string cell in t.Header)
                    {
                        html.Append("<th>").Append(Encode(cell)).Append("</th>");
                    }
                    html.AppendLine("</tr></thead><tbody>");
                    foreach (var row in t.Rows)
                    {
                        html.Append("<tr>");
                        for (int i = 0; i < row.Count; i++)
                        {
                            html.Append(t.IsNumber(i) ? "<td class=\"n\">" : "<td>").Append(Encode(row[i])).Append("</td>");
                        }
                        html.AppendLine("</tr>");
                    }
                    html.AppendLine("</tbody></table></div>");
                    break;
                case Chart c:
                    html.Append("<figure><img alt=\"").Append(Encode(c.Caption)).Append("\" src=\"data:image/png;base64,")
                        .Append(Convert.ToBase64String(c.Png)).Append("\"><figcaption>").Append(Encode(c.Caption)).AppendLine("</figcaption></figure>");
                    break;
                case SvgChart c:
                    html.Append("<figure>").Append(c.Svg).Append("<figcaption>").Append(Encode(c.Caption)).AppendLine("</figcaption></figure>");
                    break;
                default:
                    throw new InvalidOperationException($"Unknown report block {block.GetType().Name}.");
            }
        }
        html.AppendLine("</body></html>");
        return html.ToString();
    }

    private static string Cell(string text) => Text(text);

    /// <summary>
    /// Text as Markdown shows it literally: names come from scenario files and OpenStreetMap ("*De Kade*", "Plein_1",
    /// "&lt;b&gt;", "[x](y)", a line break), and would otherwise turn into emphasis, links, HTML or a broken table. Characters
    /// that mark something inline are escaped with a backslash (CommonMark 2.4) and line breaks become spaces.
    /// </summary>
    internal static string Text(string text) => Text(text, codeSpans: false);

    private static string Text(string text, bool codeSpans)
    {
        var md = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            if (c is '\\' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '~' || (c == '`' && !codeSpans))
            {
                md.Append('\\');
            }
            md.Append(c is '\r' or '\n' ? ' ' : c);
        }
        return md.ToString();
    }

    /// <summary>
    /// A paragraph is the program's Markdown with names in it: its **bold** and `code` (an option, a command) stay
    /// markup, the rest is escaped as <see cref="Text"/>; code spans are kept as they are.
    /// </summary>
    private static string ParagraphText(string text)
    {
        var parts = text.Split('`');
        for (int i = 0; i < parts.Length; i += 2)
        {
            parts[i] = string.Join("**", parts[i].Split("**").Select(part => Text(part, codeSpans: true)));
        }
        return string.Join('`', parts);
    }

    /// <summary>A title or heading: <see cref="Text"/>, and what would start a list or a heading at the line's start escaped.</summary>
    internal static string Line(string text) => LineStart(Text(text));

    /// <summary>Escapes a first character that would make a line a heading, list item or rule ("# 1", "- x", "1. Kade").</summary>
    private static string LineStart(string md)
    {
        if (md.Length > 0 && md[0] is '#' or '-' or '+' or '=')
        {
            return "\\" + md;
        }
        int digits = 0;
        while (digits < md.Length && char.IsAsciiDigit(md[digits]))
        {
            digits++;
        }
        return digits > 0 && digits < md.Length && md[digits] is '.' or ')' ? md[..digits] + "\\" + md[digits..] : md;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Paragraphs may mark words **bold** (Markdown); HTML gets &lt;strong&gt; for them.</summary>
    private static string Inline(string text)
    {
        var parts = Encode(text).Split("**");
        var html = new StringBuilder();
        for (int i = 0; i < parts.Length; i++)
        {
            html.Append(i % 2 == 1 ? "<strong>" + parts[i] + "</strong>" : parts[i]);
        }
        return html.ToString();
    }
}
