using DigitalTwin.Cli.Reports;

namespace DigitalTwin.Cli.Tests.Reports;

/// <summary>
/// report.md shows names as written (scenario and street names are the user's and OpenStreetMap's text, not Markdown),
/// and report.html reads on a phone: a viewport, tables that scroll in their own box, charts that shrink to the screen.
/// </summary>
public sealed class ReportDocumentTests
{
    private const string HostileName = "*Kade*_1 <b>[x](http://example.com) | `code` ~~old~~\nsecond line";

    private static ReportDocument Document() => new("# Plan " + HostileName,
    [
        new Heading(2, "1. " + HostileName),
        new Paragraph($"- {HostileName.Replace("`code` ", string.Empty, StringComparison.Ordinal)} has **12% more** nods with `--run DIR`."),
        new Table(["street", "nods"], [[HostileName, "-0.5"]]),
    ]);

    [Fact]
    public void Markdown_escapes_every_character_that_would_turn_a_name_into_markup()
    {
        string[] lines = Document().ToMarkdown().Split('\n');
        const string Escaped = "\\*Kade\\*\\_1 \\<b\\>\\[x\\](http://example.com) \\| \\`code\\` \\~\\~old\\~\\~ second line";

        Assert.Equal("# \\# Plan " + Escaped, lines[0]);
        Assert.Contains("## 1\\. " + Escaped, lines);
        // The program's own bold and code stay markup; the name's asterisks do not; a leading '-' does not start a list.
        Assert.Contains("\\- " + Escaped.Replace("\\`code\\` ", string.Empty, StringComparison.Ordinal) + " has **12% more** nods with `--run DIR`.", lines);
        // One row of two cells: the name's '|' and line break cannot split the row; a number keeps its minus sign as is.
        Assert.Contains("| " + Escaped + " | -0.5 |", lines);
    }

    [Fact]
    public void Html_has_a_viewport_and_tables_that_scroll_in_their_own_box()
    {
        string html = Document().ToHtml();

        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"table\"><table>", html, StringComparison.Ordinal);
        Assert.Contains(".table{overflow-x:auto", html, StringComparison.Ordinal);
        Assert.Contains("@media (max-width:40rem)", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
    }
}
