using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Evidence;
using NewsDesk.Web.Tests.Infrastructure;
using NewsDesk.Web.Tests.Ingest;

namespace NewsDesk.Web.Tests.Evidence;

public class ArticleVersionTests(EvidenceSite site, IngestFactory factory) : IClassFixture<EvidenceSite>, IClassFixture<IngestFactory>
{
    private static readonly string[] _first =
    [
        "The ministry said the convoy reached the border on Tuesday.",
        "Witnesses reported that militia fighters fired on the convoy near the checkpoint.",
        "Aid agencies asked for a ceasefire.",
    ];

    [Fact]
    public async Task A_changed_text_becomes_version_2_and_3_with_captures_a_word_diff_and_the_removed_quote_flagged()
    {
        site.Publish("edited", _first);
        var article = await StoreAsync("edited");
        var quote = "militia fighters fired on the convoy";
        var mentionId = await MentionAsync(article, quote);

        site.Publish("edited", "The ministry said the convoy reached the border on Wednesday.", _first[1], _first[2]);
        var second = await RecheckAsync(article.Id);
        site.Publish("edited", "The ministry said the convoy reached the border on Wednesday.", "Officials later withdrew this account.", _first[2]);
        var third = await RecheckAsync(article.Id);

        Assert.Equal((1, 1, 0), (second.Checked, second.Changed, second.Failed));
        Assert.Equal(1, third.Changed);
        var versions = await WarcBytes.VersionsAsync(factory, article.Id);
        Assert.Equal([1, 2, 3], versions.Select(v => v.Number));
        Assert.All(versions, v => Assert.NotNull(v.Capture));
        Assert.Equal(3, versions.Select(v => v.CaptureId).Distinct().Count());
        Assert.Equal(TextDigest.Of(versions[2].Text), versions[2].TextSha256);
        Assert.Contains("Officials later withdrew", versions[2].Text, StringComparison.Ordinal);
        // The annotated text stays what the mention was made on; the mention keeps pointing at version 1.
        var stored = (await factory.FindAsync<Article>(article.Id))!;
        Assert.Equal(article.Text, stored.Text);
        Assert.Equal(1, (await factory.FindAsync<Mention>(mentionId))!.TextVersion);

        var client = factory.CreateClient();
        var page = await client.GetDocumentAsync($"/articles/{article.Id}");
        var box = page.QuerySelector(".article-evidence")!;
        Assert.Contains("Edited after publication: 3 versions", box.TextContent, StringComparison.Ordinal);
        Assert.Equal($"“{quote}”: quote removed in version 3", box.QuerySelector(".evidence-removed-quotes li")!.TextContent.Trim());
        // The mentions panel flags the same mention (issue 17).
        var flagged = page.QuerySelector($"#mention-groups .mention-link[data-mention-id='{mentionId}']")!;
        Assert.Equal("3", flagged.GetAttribute("data-removed-in"));
        Assert.Equal("quote removed in version 3", flagged.ParentElement!.QuerySelector(".mention-removed")!.TextContent);
        Assert.Equal(versions[2].Capture!.PayloadSha256, box.QuerySelector(".capture-sha256")!.TextContent);
        Assert.Equal(TextDigest.Of(stored.Text), box.QuerySelector(".text-sha256")!.TextContent);

        var diff = await client.GetDocumentAsync($"/articles/{article.Id}/versions?from=1&to=2");
        Assert.Equal(["Tuesday"], diff.QuerySelectorAll(".word-diff del").Select(d => d.TextContent.Trim()));
        Assert.Equal(["Wednesday"], diff.QuerySelectorAll(".word-diff ins").Select(d => d.TextContent.Trim()));
        Assert.Equal(3, diff.QuerySelectorAll("table.versions tbody tr").Length);
        var latest = await client.GetDocumentAsync($"/articles/{article.Id}/versions");
        Assert.Equal(["Officials", "later", "withdrew", "this", "account"], latest.QuerySelectorAll(".word-diff ins").SelectMany(i => i.TextContent.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Contains("Witnesses", string.Concat(latest.QuerySelectorAll(".word-diff del").Select(d => d.TextContent)), StringComparison.Ordinal);
        Assert.Contains("(made on version 1): quote removed in version 3", latest.QuerySelector(".evidence-removed-quotes")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_article_without_mentions_follows_its_latest_version_and_new_mentions_point_at_it()
    {
        site.Publish("follows", _first);
        var article = await StoreAsync("follows");
        site.Publish("follows", "A different first paragraph entirely.", _first[1]);

        await RecheckAsync(article.Id);

        var stored = (await factory.FindAsync<Article>(article.Id))!;
        Assert.StartsWith("A different first paragraph entirely.", stored.Text, StringComparison.Ordinal);
        Assert.Equal(ContentHash.Of(stored.Text), stored.ContentHash);
        var mentionId = await MentionAsync(stored, "different first paragraph");
        Assert.Equal(2, (await factory.FindAsync<Mention>(mentionId))!.TextVersion);
    }

    [Fact]
    public async Task An_unchanged_recheck_adds_no_version_and_moves_the_schedule_on_until_it_is_done()
    {
        site.Publish("steady", _first);
        var article = await StoreAsync("steady");
        var schedule = (await factory.FindAsync<ArticleRecheck>(article.Id))!;
        Assert.Equal(article.FetchedAt + TimeSpan.FromHours(1), schedule.NextCheckAt);

        var first = await RecheckAsync(article.Id);

        Assert.Equal(0, first.Changed);
        Assert.Single(await WarcBytes.VersionsAsync(factory, article.Id));
        schedule = (await factory.FindAsync<ArticleRecheck>(article.Id))!;
        Assert.Equal((1, "unchanged"), (schedule.ChecksDone, schedule.LastResult));
        Assert.Equal(article.FetchedAt + TimeSpan.FromHours(6), schedule.NextCheckAt);
        await RecheckAsync(article.Id);
        await RecheckAsync(article.Id);
        await RecheckAsync(article.Id);
        Assert.Null(await factory.FindAsync<ArticleRecheck>(article.Id));
    }

    private async Task<Article> StoreAsync(string slug)
    {
        var source = await factory.AddSourceAsync(site.Url($"/news/{slug}.html"), SourceKind.Page);
        var summary = await factory.FetchSourceAsync(source);
        Assert.True(summary.Succeeded, summary.Error);
        return Assert.Single(await factory.ArticlesOfAsync(source));
    }

    /// <summary>Makes the article's re-check due now and runs one round, as the worker's tick would.</summary>
    private async Task<RecheckSummary> RecheckAsync(int articleId)
    {
        await factory.ExecuteDbContextAsync(db => db.ArticleRechecks.Where(r => r.ArticleId == articleId)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.NextCheckAt, DateTime.UtcNow.AddMinutes(-1))));
        return await factory.Services.GetRequiredService<ArticleRechecker>().RunDueAsync(CancellationToken.None);
    }

    private async Task<int> MentionAsync(Article article, string quote)
    {
        var (start, end) = article.SpanOf(quote);
        var response = await factory.CreateClient().PostAsJsonAsync($"/api/articles/{article.Id}/mentions",
            new { start, end, quote, entityType = "actor", newEntity = new { name = $"Actor {Guid.NewGuid():N}" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }
}
