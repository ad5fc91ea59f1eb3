using System.Text.RegularExpressions;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Export;
using NewsDesk.Web.Tests.Infrastructure;
using NewsDesk.Web.Tests.Infrastructure.Builders;

namespace NewsDesk.Web.Tests.Export;

/// <summary>
/// docs/export.md's pandas dtypes ("Nullable integers"): every column of whole numbers that can be empty (which pandas
/// would read as float) is given a dtype for its file (Int64, or string for a text column that can look like a number),
/// and every column named is one the file has.
/// </summary>
public partial class NullableIntegerDtypesTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    private static readonly string _doc = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "export.md"));

    [Fact]
    public async Task The_docs_give_a_dtype_to_every_column_pandas_would_read_as_float_and_only_to_columns_the_files_have()
    {
        // The seeded ICARO records, a fully coded scenario, and records with nothing filled in beside them.
        await ExportScenario.CreateAsync(factory);
        await factory.InsertAsync<object>(
            new IncidentBuilder().Titled("Nothing known yet").Build(), new ClaimBuilder().Saying("Nothing assessed yet").Build(),
            new ActorBuilder().Named("Nobody in particular").Build(), new Article { Url = $"https://example.test/{Guid.NewGuid():N}", Title = "No source", Text = "Text.", ContentHash = Guid.NewGuid().ToString("N") });
        var tables = await factory.ExportTablesAsync(new ExportSelection(), new ExportFormat(IncludeArticleText: true));
        var documented = DocumentedDtypes();
        Assert.Contains("Id lists (`actor1_ids`-style columns, `claim_ids`, `affiliation_ids`) are text", _doc, StringComparison.Ordinal);

        foreach (var (file, table) in tables)
        {
            var named = documented.GetValueOrDefault(file, []);
            Assert.All(named, column => Assert.Contains(column, table.Headers));
            // Id lists ("other_perpetrator_ids") are text, split on "; ", as the docs say, even when one holds a single id.
            var nullableIntegers = table.Headers.Where(column => !column.EndsWith("_ids", StringComparison.Ordinal) &&
                table.Rows.Any(r => r[column] == "") && table.Rows.Any(r => r[column] != "") &&
                table.Rows.All(r => r[column] == "" || WholeNumber().IsMatch(r[column])));
            Assert.All(nullableIntegers, column => Assert.True(named.Contains(column), $"docs/export.md gives no dtype for {file} {column}"));
        }
    }

    /// <summary>File → columns given a dtype in the docs' Python block: `x = pd.read_csv("file.csv", dtype={...})`, int_columns included.</summary>
    private static Dictionary<string, HashSet<string>> DocumentedDtypes()
    {
        var start = _doc.IndexOf("**Nullable integers.**", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/export.md has no Nullable integers paragraph");
        var block = _doc[_doc.IndexOf("```python", start, StringComparison.Ordinal).._doc.IndexOf("```r", start, StringComparison.Ordinal)];
        var statements = Statement().Split(block);
        var intColumns = statements.Single(s => s.StartsWith("int_columns", StringComparison.Ordinal));
        return statements.Select(s => ReadCsv().Match(s)).Where(m => m.Success).ToDictionary(
            m => m.Groups[1].Value,
            m => Quoted().Matches(m.Groups[2].Value.Contains("int_columns", StringComparison.Ordinal) ? intColumns : m.Groups[2].Value)
                .Select(q => q.Groups[1].Value).Where(c => c is not ("Int64" or "string")).ToHashSet());
    }

    [GeneratedRegex(@"^-?[0-9]+$")]
    private static partial Regex WholeNumber();

    [GeneratedRegex(@"\n(?=[a-z_]+ = )")]
    private static partial Regex Statement();

    [GeneratedRegex(@"pd\.read_csv\(""([a-z]+\.csv)"", dtype=(.*)\)", RegexOptions.Singleline)]
    private static partial Regex ReadCsv();

    [GeneratedRegex(@"""([a-z0-9_]+)""")]
    private static partial Regex Quoted();
}
