using NewsDesk.Web.Tests.Ingest;
using Xunit.Abstractions;

namespace NewsDesk.Web.Tests.Operations.CrashSafety;

/// <summary>
/// Issue 20's crash test: the app (web server and scraper worker in one process, as users run it) is killed with
/// SIGKILL at points a seeded generator picks, while it ingests a loopback site and an editor tags through the API.
/// After every kill the store must be whole; after the last, the next start must finish the scraping without
/// duplicates. The seed is printed: <c>NEWSDESK_CRASH_SEED=… NEWSDESK_KILL_POINTS=200</c> repeats or extends a run
/// (<c>bench/crash/run.sh</c> does the 200-point run).
/// </summary>
public class CrashSafetyTests(FixtureSite site, ITestOutputHelper output) : IClassFixture<FixtureSite>
{
    private const int Sources = 8;
    private const int ItemsPerSource = 30;

    [Fact]
    public async Task Killed_at_random_points_while_scraping_and_tagging_the_store_stays_whole_and_keeps_every_acknowledged_mention()
    {
        var seed = Setting("NEWSDESK_CRASH_SEED") ?? Random.Shared.Next();
        var killPoints = Setting("NEWSDESK_KILL_POINTS") ?? 20;
        output.WriteLine($"seed {seed}, {killPoints} kill points (repeat with NEWSDESK_CRASH_SEED={seed})");
        var random = new Random(seed);
        var run = Guid.NewGuid().ToString("N")[..8];
        var feeds = Enumerable.Range(1, Sources)
            .Select(s => site.Url($"/feeds/rss.xml?items={string.Join(',', Enumerable.Range(1, ItemsPerSource).Select(i => $"crash-{run}-{s}-{i}"))}"))
            .ToList();
        var store = await CrashStore.CreateAsync(feeds);
        var acknowledged = new List<AcknowledgedMention>();

        for (var point = 1; point <= killPoints; point++)
        {
            // One kill in five lands in start-up (migrations, the instance lock, the worker's first claim); the others
            // in the work, timed from the first acknowledged write so that a slow machine still kills mid-work.
            var inStartUp = random.Next(5) == 0;
            var killAfter = TimeSpan.FromMilliseconds(inStartUp ? random.Next(100, 1500) : random.Next(200, 3000));
            await using var app = await CrashingApp.StartAsync(store);
            var tagger = new Tagger(store, new Random(random.Next()));
            var tagging = tagger.RunAsync(app);
            if (!inStartUp)
            {
                await app.StartedTask.WaitAsync(TimeSpan.FromMinutes(2));
                await tagger.FirstAcknowledged.WaitAsync(TimeSpan.FromMinutes(1));
            }

            await Task.Delay(killAfter);
            app.Kill();
            await tagging;
            acknowledged.AddRange(tagger.Acknowledged);

            var report = await StoreConsistency.CheckAsync(store, acknowledged);
            output.WriteLine($"kill {point} {killAfter.TotalMilliseconds:0} ms after {(inStartUp ? "the process started" : "the first 201")}: {report}");
            Assert.True(report.Problems.Count == 0, $"seed {seed}, kill {point}: {string.Join("; ", report.Problems)}");
        }

        // The next start resumes: every listed article ends up stored exactly once.
        await CrashingApp.ScrapeToTheEndAsync(store);
        var final = await StoreConsistency.CheckAsync(store, acknowledged);
        output.WriteLine($"after the final scrape: {final}");
        Assert.True(final.Problems.Count == 0, $"seed {seed}, final: {string.Join("; ", final.Problems)}");
        var urls = await StoreConsistency.ScrapedUrlsAsync(store);
        var expected = Enumerable.Range(1, Sources)
            .SelectMany(s => Enumerable.Range(1, ItemsPerSource).Select(i => site.Url($"/articles/crash-{run}-{s}-{i}.html")))
            .ToHashSet();
        Assert.Equal(urls.Count, urls.Distinct().Count());
        Assert.True(expected.SetEquals(urls), $"seed {seed}: missing {string.Join(", ", expected.Except(urls).Take(5))}; unexpected {string.Join(", ", urls.Except(expected).Take(5))}");
        Assert.True(acknowledged.Count > 0, $"seed {seed}: no mention was acknowledged in {killPoints} runs, so nothing was tested");
    }

    private static int? Setting(string name) => int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : null;
}
