using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Data.Sqlite;

/// <summary>
/// Runs alone: SQLite's memory counters are the process's, so another test's queries at the same time would count.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SqliteMemoryCollection
{
    public const string Name = "SQLite memory";
}

/// <summary>What the search index's triggers cost SQLite when an article is stored.</summary>
[Trait(TestStore.EngineTrait, TestStore.FixedEngine)]
[Collection(SqliteMemoryCollection.Name)]
public class ArticleSearchSchemaTests
{
    [Fact]
    public async Task Indexing_a_5_MB_Latin_text_costs_SQLite_a_few_copies_of_it_not_one_per_folded_character()
    {
        await using var factory = NewsDeskFactory.On(TestDirectory.Create(), TestEngine.Sqlite);
        await factory.InsertAsync(Story("warm-up", "The store is open.")); // migrations, the connection, the statements
        var text = LatinText(5_000_000);

        var before = SQLitePCL.raw.sqlite3_memory_used();
        SQLitePCL.raw.sqlite3_memory_highwater(1);
        await factory.InsertAsync(Story("large", text));
        var peak = SQLitePCL.raw.sqlite3_memory_highwater(0) - before;

        // The trigger's 23 nested replace() calls, when they run, keep 23 copies (115 MB) until the insert ends.
        var size = Encoding.UTF8.GetByteCount(text);
        Assert.True(peak < 8L * size, $"SQLite's memory rose by {peak / 1e6:F0} MB to index a {size / 1e6:F0} MB text (bound: 8x its size)");
        var found = await factory.ExecuteDbContextAsync(db => db.Database
            .SqlQueryRaw<int>("SELECT count(*) AS Value FROM ArticleSearch WHERE ArticleSearch MATCH 'quillwort'").SingleAsync());
        Assert.Equal(1, found);
    }

    [Fact]
    public async Task Text_with_a_character_that_folds_is_still_indexed_folded()
    {
        await using var factory = NewsDeskFactory.On(TestDirectory.Create(), TestEngine.Sqlite);
        // Persian yeh and a fatha: the index holds the Arabic yeh without the mark, whatever the query typed.
        await factory.InsertAsync(Story("persian", "خبرگزاری ایرنا گزارش داد كَتَبَ"));

        var found = await factory.ExecuteDbContextAsync(db => db.Database
            .SqlQueryRaw<int>("SELECT count(*) AS Value FROM ArticleSearch WHERE ArticleSearch MATCH 'ايرنا AND كتب'").SingleAsync());

        Assert.Equal(1, found);
    }

    private static string LatinText(int length)
    {
        // Typographic quotes and accents, as real pages have: text that is not ASCII but has nothing to fold (and a word
        // no seeded article has, to find it by).
        string[] words = ["quillwort", "talks", "“officials”", "said", "café", "minister’s", "border", "report", "élection"];
        var text = new StringBuilder(length + 20);
        for (var i = 0; text.Length < length; i++)
        {
            text.Append(words[i % words.Length]).Append(i % 17 == 16 ? ".\n\n" : " ");
        }

        return text.ToString();
    }

    private static Article Story(string slug, string text) => new()
    {
        Url = $"https://example.test/fts/{slug}",
        Title = slug,
        Text = text,
        SiteName = "FTS Fixture",
        ContentHash = slug,
        PublishedPrecision = DatePrecision.Day,
    };
}
