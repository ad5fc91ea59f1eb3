using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Search;

/// <summary>Full-text search through the home page and the API, on a small corpus of its own.</summary>
public class ArticleSearchTests(ArticleSearchTests.Corpus corpus) : IClassFixture<ArticleSearchTests.Corpus>
{
    public sealed class Corpus : NewsDeskFactory
    {
        private int _inserted;

        public async Task EnsureAsync()
        {
            if (Interlocked.Exchange(ref _inserted, 1) == 1)
            {
                return;
            }

            await InsertAsync(
                Story("title-hit", "Hezbollah fires rockets", "Rockets crossed the border overnight."),
                Story("body-hit", "Border report", "Officials said Hezbollah was not involved, and the rockets came from elsewhere."),
                Story("prefix", "Militia news", "Hezbollah's allies and the Hezb movement were named."),
                Story("phrase", "Gas field attack", "Missiles hit the Koniko gas field in Deir Ezzor."),
                Story("words-apart", "Field notes", "The gas was cheap; the field was quiet."),
                Story("arabic", "تقرير", "قَصَفَتْ كَتَائِبُ حِزْبِ اللَّهِ قَاعِدَةً أَمْرِيكِيَّةً", language: "ar"),
                Story("houthi", "Houthis strike", "The Houthis claimed an attack on Tel Aviv."));

            // bm25 needs a corpus where the searched words are rare, as they are in a real newsroom's store.
            await InsertAsync(Enumerable.Range(1, 40)
                .Select(i => Story($"filler-{i}", $"Weather bulletin {i}", $"Mild temperatures and light winds are expected across the region on day {i}."))
                .ToArray());
        }

        private static Article Story(string slug, string title, string text, string language = "en") => new()
        {
            Url = $"https://example.test/search/{slug}",
            Title = title,
            Text = text,
            Language = language,
            SiteName = "Search Fixture",
            ContentHash = slug,
            PublishedAt = new DateTime(2031, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            PublishedPrecision = DatePrecision.Day,
        };
    }

    private async Task<List<string>> SearchAsync(string q)
    {
        await corpus.EnsureAsync();
        var json = await corpus.CreateClient().GetFromJsonAsync<JsonElement>($"/api/articles?q={Uri.EscapeDataString(q)}&limit=100");
        return json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("url").GetString()!.Replace("https://example.test/search/", "", StringComparison.Ordinal)).ToList();
    }

    [Fact]
    public async Task Search_finds_the_ICARO_article_by_Kataib_and_by_Koniko()
    {
        await corpus.EnsureAsync();
        var client = corpus.CreateClient();

        foreach (var q in new[] { "Kataib", "Koniko" })
        {
            var page = await client.GetDocumentAsync($"/?q={q}");
            var titles = page.QuerySelectorAll(".article-list li a.fw-semibold").Select(a => a.TextContent).ToList();
            Assert.Contains("Iran Increases Use of Proxy Militias to Target US Forces in Syria and Iraq", titles);
            Assert.Contains(q, page.QuerySelector(".article-list li mark")!.TextContent, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_title_hit_ranks_above_a_body_hit()
    {
        var results = await SearchAsync("Hezbollah");

        Assert.Equal("title-hit", results[0]);
        Assert.Contains("body-hit", results);
    }

    [Fact]
    public async Task A_phrase_matches_only_adjacent_words()
    {
        var phrase = await SearchAsync("\"gas field\"");
        var words = await SearchAsync("gas field");

        Assert.Contains("phrase", phrase);
        Assert.DoesNotContain("words-apart", phrase);
        Assert.Contains("words-apart", words);
    }

    [Fact]
    public async Task A_prefix_query_matches_word_beginnings()
    {
        var results = await SearchAsync("Hezb*");

        Assert.Contains("prefix", results);
        Assert.Contains("title-hit", results);
    }

    [Fact]
    public async Task OR_and_NOT_work()
    {
        var either = await SearchAsync("Houthis OR Koniko");
        var without = await SearchAsync("Hezbollah NOT rockets");

        Assert.Contains("houthi", either);
        Assert.Contains("phrase", either);
        Assert.Contains("prefix", without);
        Assert.DoesNotContain("title-hit", without);
        Assert.DoesNotContain("body-hit", without);
    }

    [Fact]
    public async Task Arabic_matches_with_and_without_diacritics()
    {
        Assert.Contains("arabic", await SearchAsync("كتائب"));
        Assert.Contains("arabic", await SearchAsync("كَتَائِبُ"));
        Assert.Contains("arabic", await SearchAsync("امريكيه"));
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("NOT")]
    [InlineData("rockets AND (")]
    [InlineData("nosuchcolumn:rockets")]
    public async Task A_malformed_query_gets_a_friendly_message_not_an_error(string q)
    {
        await corpus.EnsureAsync();

        var response = await corpus.CreateClient().GetAsync($"/?q={Uri.EscapeDataString(q)}");

        response.EnsureSuccessStatusCode();
        var page = await response.ReadDocumentAsync();
        Assert.Contains("not valid search syntax", page.QuerySelector(".search-note")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_index_follows_edits_and_deletes()
    {
        await corpus.EnsureAsync();
        await corpus.InsertAsync(new Article { Url = "https://example.test/search/edited", Title = "Before", Text = "zanzibarian words", ContentHash = "edited" });
        Assert.Contains("edited", await SearchAsync("zanzibarian"));

        await corpus.ExecuteDbContextAsync(async db =>
        {
            var article = await db.Articles.SingleAsync(a => a.Url == "https://example.test/search/edited");
            article.Text = "quixotic words";
            await db.SaveChangesAsync();
        });
        Assert.DoesNotContain("edited", await SearchAsync("zanzibarian"));
        Assert.Contains("edited", await SearchAsync("quixotic"));

        await corpus.ExecuteDbContextAsync(db => db.Articles.Where(a => a.Url == "https://example.test/search/edited").ExecuteDeleteAsync());
        Assert.Empty(await SearchAsync("quixotic"));
    }

    [Fact]
    public async Task Snippets_encode_scraped_text_around_the_highlights()
    {
        await corpus.EnsureAsync();
        await corpus.InsertAsync(new Article { Url = "https://example.test/search/xss", Title = "Xss", Text = "Posted: <script>alert(1)</script> perfidious", ContentHash = "xss" });

        var page = await corpus.CreateClient().GetDocumentAsync("/?q=perfidious");

        // A word before the markup: PostgreSQL's excerpts start at a word, SQLite's at the text's start.
        Assert.Empty(page.QuerySelectorAll(".snippet script"));
        Assert.Equal("perfidious", page.QuerySelector(".snippet mark")!.TextContent);
        Assert.Contains("<script>", page.QuerySelector(".snippet")!.TextContent, StringComparison.Ordinal);
    }
}
