using System.Text.RegularExpressions;
using NewsDesk.Web.Export;

namespace NewsDesk.Web.Tests.Export;

/// <summary>docs/export.md describes every column of every file, in the order the files have them.</summary>
public partial class ExportDocumentationTests
{
    private static readonly string _doc = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "export.md"));

    public static TheoryData<string> Files => [.. ExportService.Tables.Select(t => t.FileName)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_column_of_the_file_is_documented_in_order(string fileName)
    {
        var table = ExportService.FindTable(fileName)!;

        var documented = DocumentedColumns(fileName);

        Assert.Equal(table.Columns(new ExportFormat(IncludeArticleText: true)), documented);
    }

    [Fact]
    public void The_truncation_marker_and_the_cell_limit_are_documented()
    {
        Assert.Contains($"**`{CsvCells.TruncationMarker}`**", _doc, StringComparison.Ordinal);
        Assert.Contains(CsvCells.MaxCellLength.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), _doc, StringComparison.Ordinal);
    }

    private static List<string> DocumentedColumns(string fileName)
    {
        var heading = _doc.IndexOf($"### `{fileName}`", StringComparison.Ordinal);
        Assert.True(heading >= 0, $"docs/export.md has no section ### `{fileName}`");
        var next = _doc.IndexOf("\n#", heading + 1, StringComparison.Ordinal);
        var section = _doc[heading..(next < 0 ? _doc.Length : next)];
        return [.. ColumnRow().Matches(section).Select(m => m.Groups[1].Value).Where(c => c != "column")];
    }

    // A table row whose first cell is one code span: | `mention_id` | ... |
    [GeneratedRegex(@"^\| `([a-z0-9_]+)` \|", RegexOptions.Multiline)]
    private static partial Regex ColumnRow();
}
