using NewsDesk.Web.Tests.Infrastructure;
using NewsDesk.Web.Tests.Ingest;

namespace NewsDesk.Web.Tests.Operations.CrashSafety;

/// <summary>A data folder made as a user's would be (migrated by the app), with an editor's token, an article to tag and the sources.</summary>
public sealed record CrashStore(string DataDirectory, string DatabasePath, string EditorToken, int ArticleId, string ArticleText)
{
    public static async Task<CrashStore> CreateAsync(IEnumerable<string> feeds)
    {
        // A folder this test owns (a factory's own folder goes when the factory is disposed, before the app runs).
        // SQLite whatever the suite runs on: the checks read the file a killed process left (PostgreSQL: next session).
        await using var setup = NewsDeskFactory.On(TestDirectory.Create(), TestEngine.Sqlite)
            .WithSetting("Ingest:Enabled", "false")
            .WithSetting("NewsDesk:ImportSeedsOnStart", "false");
        var editor = await setup.CreateClientAsync("editor");
        var token = editor.DefaultRequestHeaders.Authorization?.Parameter ?? throw new InvalidOperationException("The editor has no API token.");
        var text = string.Join(' ', Enumerable.Range(1, 400).Select(i => $"word{i}")) + ".";
        var article = await setup.AddArticleAsync(text, "An article tagged while the app is killed");
        foreach (var feed in feeds)
        {
            await setup.AddSourceAsync(feed);
        }

        return new CrashStore(setup.DataDirectory, setup.DatabasePath, token, article.Id, text);
    }

    /// <summary>The arguments every run on this store takes: the loopback site allowed, no politeness pauses.</summary>
    public IEnumerable<string> Arguments() =>
    [
        AppProcess.Database(DatabasePath), $"--NewsDesk:DataDirectory={DataDirectory}", "--NewsDesk:ImportSeedsOnStart=false",
        "--Ingest:AllowPrivateNetworks=true", "--Ingest:PerHostDelay=00:00:00", "--Ingest:PerHostConcurrency=4",
        "--Ingest:PollInterval=00:00:01", "--RateLimits:WritesPerMinute=100000",
    ];
}
