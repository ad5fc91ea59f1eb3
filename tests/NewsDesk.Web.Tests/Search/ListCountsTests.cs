using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using NewsDesk.Web.Auth;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Search;

/// <summary>
/// The menu's and the list header's counts are kept in the page cache (ListCounts): a change to a review or a new
/// watch hit must show on the next page, never the count cached before it.
/// </summary>
public class ListCountsTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    private static int Count(string text, string pattern) =>
        int.Parse(Regex.Match(text, pattern).Groups[1].Value, CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_queue_and_state_counts_follow_a_workflow_change_made_after_they_were_shown()
    {
        var article = await factory.AddArticleAsync("Counted before and after.");
        var editor = await factory.CreateClientAsync(Roles.Editor);
        var before = await editor.GetDocumentAsync("/");
        var queue = Count(before.QuerySelector(".my-queue")!.TextContent, @"My queue \((\d+)\)");
        var inProgress = Count(before.QuerySelector(".state-count[data-state=InProgress]")!.TextContent, @"\((\d+)\)");
        Assert.Equal(queue, Count((await editor.GetDocumentAsync("/")).QuerySelector(".my-queue")!.TextContent, @"My queue \((\d+)\)"));

        var moved = await editor.PutAsJsonAsync($"/api/articles/{article.Id}/workflow", new { assignee = NewsDeskFactory.EmailOf(Roles.Editor), state = "inProgress" });

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var after = await editor.GetDocumentAsync("/");
        Assert.Equal(queue + 1, Count(after.QuerySelector(".my-queue")!.TextContent, @"My queue \((\d+)\)"));
        Assert.Equal(inProgress + 1, Count(after.QuerySelector(".state-count[data-state=InProgress]")!.TextContent, @"\((\d+)\)"));
    }

    [Fact]
    public async Task The_watched_count_on_every_page_follows_a_new_hit_and_is_the_users_own()
    {
        var article = await factory.AddArticleAsync("Flagged by a watch.");
        var editor = await factory.CreateClientAsync(Roles.Editor);
        var admin = await factory.CreateClientAsync(Roles.Admin);
        const string Badge = "watched-menu-count\">(\\d+)<";
        var before = Count(await editor.GetStringAsync("/about"), Badge);
        var others = Count(await admin.GetStringAsync("/about"), Badge);

        var watch = new Watch { Owner = NewsDeskFactory.EmailOf(Roles.Editor), Query = "flagged", CreatedAt = DateTime.UtcNow };
        await factory.InsertAsync(watch);
        await factory.InsertAsync(new WatchHit { WatchId = watch.Id, ArticleId = article.Id, FoundAt = DateTime.UtcNow });

        Assert.Equal(before + 1, Count(await editor.GetStringAsync("/about"), Badge));
        Assert.Contains($"Watched ({before + 1} this week)", await editor.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(others, Count(await admin.GetStringAsync("/about"), Badge));
    }
}
