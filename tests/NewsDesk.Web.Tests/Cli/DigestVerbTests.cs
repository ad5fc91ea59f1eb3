using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Cli;

/// <summary><c>digest --since</c>, run as cron runs it: the app's own process on a real SQLite file.</summary>
[Trait(TestStore.EngineTrait, TestStore.FixedEngine)]
public class DigestVerbTests(SqliteNewsDeskFactory factory) : IClassFixture<SqliteNewsDeskFactory>
{
    [Fact]
    public async Task Each_watchlist_gets_a_file_of_the_articles_its_watches_flagged_since_the_date()
    {
        var actor = await factory.AddActorAsync("Digest Falcons");
        var old = await factory.AddArticleAsync("The Digest Falcons, last year.", "Flagged before the date");
        var recent = await factory.AddArticleAsync("The Digest Falcons, this week.", "Flagged after the date");
        var searched = await factory.AddArticleAsync("A ceasefire digest.", "Found by a saved search");
        var byActor = new Watch { Owner = "analyst@newsdesk.test", ActorId = actor.Id };
        var bySearch = new Watch { Owner = "analyst@newsdesk.test", Query = "ceasefire" };
        var someoneElse = new Watch { Owner = "other@newsdesk.test", ActorId = actor.Id };
        await factory.InsertAsync(byActor, bySearch, someoneElse);
        await factory.InsertAsync(
            new WatchHit { WatchId = byActor.Id, ArticleId = old.Id, FoundAt = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc) },
            new WatchHit { WatchId = byActor.Id, ArticleId = recent.Id, FoundAt = new DateTime(2026, 3, 9, 8, 0, 0, DateTimeKind.Utc) },
            new WatchHit { WatchId = bySearch.Id, ArticleId = searched.Id, FoundAt = new DateTime(2026, 3, 10, 8, 0, 0, DateTimeKind.Utc) });
        var folder = TestDirectory.Create("newsdesk-digest");

        var result = await AppProcess.RunAsync(["digest", "--since", "2026-03-09", "--out", folder, AppProcess.Database(factory.DatabasePath)]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(["digest-analyst_newsdesk.test-20260309.md", "digest-other_newsdesk.test-20260309.md"],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var analyst = await File.ReadAllTextAsync(Path.Combine(folder, "digest-analyst_newsdesk.test-20260309.md"));
        Assert.Contains("Articles flagged since 2026-03-09 00:00 UTC: 2.", analyst, StringComparison.Ordinal);
        Assert.Contains($"- Flagged after the date ({recent.PublishedAt:yyyy-MM-dd}) <{recent.Url}> — Digest Falcons", analyst, StringComparison.Ordinal);
        Assert.Contains("Found by a saved search", analyst, StringComparison.Ordinal);
        Assert.Contains("\u201cceasefire\u201d", analyst, StringComparison.Ordinal);
        Assert.DoesNotContain("Flagged before the date", analyst, StringComparison.Ordinal);
        var other = await File.ReadAllTextAsync(Path.Combine(folder, "digest-other_newsdesk.test-20260309.md"));
        Assert.Contains("Articles flagged since 2026-03-09 00:00 UTC: 0.", other, StringComparison.Ordinal);
        Assert.Contains("digest-analyst_newsdesk.test-20260309.md: 2 articles", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_since_that_is_not_a_date_is_refused_and_nothing_is_written()
    {
        var folder = TestDirectory.Create("newsdesk-digest");

        var result = await AppProcess.RunAsync(["digest", "--since", "last tuesday", "--out", folder, AppProcess.Database(factory.DatabasePath)]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Give --since DATE", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder));
    }
}
