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

    [Fact]
    public void The_rating_scale_is_documented_as_the_export_maps_the_assessments()
    {
        var row = _doc.Split('\n').Single(l => l.StartsWith("| `rating_value` |", StringComparison.Ordinal));
        var documented = RatingPair().Matches(row).ToDictionary(m => Enum.Parse<Web.Domain.ClaimAssessment>(m.Groups[1].Value), m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(Enum.GetValues<Web.Domain.ClaimAssessment>().Order(), documented.Keys.Order());
        Assert.All(documented, d => Assert.Equal(ClaimReviewRating.Value(d.Key), d.Value));
        Assert.Contains($"| `best_rating` | `{ClaimReviewRating.Best}`", _doc, StringComparison.Ordinal);
        Assert.Contains($"| `worst_rating` | `{ClaimReviewRating.Worst}`", _doc, StringComparison.Ordinal);
    }

    [Fact]
    public void The_gazetteer_s_GeoNames_licence_is_credited_in_the_export_docs()
    {
        Assert.Contains("GeoNames (geonames.org, CC BY 4.0)", _doc, StringComparison.Ordinal);
    }

    private static List<string> DocumentedColumns(string fileName)
    {
        var heading = _doc.IndexOf($"### `{fileName}`", StringComparison.Ordinal);
        Assert.True(heading >= 0, $"docs/export.md has no section ### `{fileName}`");
        var next = _doc.IndexOf("\n#", heading + 1, StringComparison.Ordinal);
        var section = _doc[heading..(next < 0 ? _doc.Length : next)];
        return [.. ColumnRow().Matches(section).Select(m => m.Groups[1].Value).Where(c => c != "column")];
    }

    // An assessment and its number in the rating_value row: `False` 1
    [GeneratedRegex(@"`([A-Z][a-z]+)` (\d)")]
    private static partial Regex RatingPair();

    // A table row whose first cell is one code span: | `mention_id` | ... |
    [GeneratedRegex(@"^\| `([a-z0-9_]+)` \|", RegexOptions.Multiline)]
    private static partial Regex ColumnRow();
}
