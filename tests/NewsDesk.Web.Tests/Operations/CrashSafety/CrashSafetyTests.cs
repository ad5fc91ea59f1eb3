using System.Diagnostics;
using NewsDesk.Web.Tests.Infrastructure;
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
/// <remarks>
/// Most of a kill point's time is the app's own start (about 4 s of CPU: the EF model, migrations check, JIT), which
/// the test cannot shorten without changing the app. So the kill points are shared between two stores killed side by
/// side: one app starts while the other works, and the CPU a lone run leaves idle (waits for fsync, for the loopback
/// site, for the kill) is used. Each store keeps its own acknowledged writes and its own checks.
/// </remarks>
[Trait(TestStore.EngineTrait, TestStore.FixedEngine)]
public class CrashSafetyTests(FixtureSite site, ITestOutputHelper output) : IClassFixture<FixtureSite>
{
    private const int Stores = 2;
    private const int SourcesPerStore = 6;
    private const int ItemsPerSource = 20;

    [Fact]
    public async Task Killed_at_random_points_while_scraping_and_tagging_the_store_stays_whole_and_keeps_every_acknowledged_mention()
    {
        var seed = Setting("NEWSDESK_CRASH_SEED") ?? Random.Shared.Next();
        var killPoints = Math.Max(Stores, Setting("NEWSDESK_KILL_POINTS") ?? 20);
        Say($"seed {seed}, {killPoints} kill points over {Stores} stores (repeat with NEWSDESK_CRASH_SEED={seed})");
        var random = new Random(seed);
        var lanes = Enumerable.Range(0, Stores)
            .Select(lane => (Lane: lane, Seed: random.Next(), Kills: killPoints / Stores + (lane < killPoints % Stores ? 1 : 0)))
            .ToList();

        var acknowledged = await Task.WhenAll(lanes.Select(l => KillRepeatedlyAsync(seed, l.Lane, new Random(l.Seed), l.Kills)));

        Assert.True(acknowledged.Sum() > 0, $"seed {seed}: no mention was acknowledged in {killPoints} runs, so nothing was tested");
    }

    /// <summary>One store's kills, checks after each, and the final resuming scrape; returns how many writes were acknowledged.</summary>
    private async Task<int> KillRepeatedlyAsync(int seed, int lane, Random random, int kills)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var feeds = Enumerable.Range(1, SourcesPerStore)
            .Select(s => site.Url($"/feeds/rss.xml?items={string.Join(',', Enumerable.Range(1, ItemsPerSource).Select(i => $"crash-{run}-{s}-{i}"))}"))
            .ToList();
        var store = await CrashStore.CreateAsync(feeds);
        var acknowledged = new List<AcknowledgedMention>();

        var scraped = 0L;
        var listed = SourcesPerStore * ItemsPerSource;
        for (var point = 1; point <= kills; point++)
        {
            // One kill in five lands in start-up (migrations, the instance lock, the worker's first claim). The others
            // land in the work: timed from the moment both writers are at it (the first 201 and, while articles are
            // left to scrape, the first article this process stores), so that a slow machine still kills mid-work and a
            // fast one does not wait for nothing. Both write many times a second, so a short window lands between and
            // inside their writes.
            var inStartUp = random.Next(5) == 0;
            var killAfter = TimeSpan.FromMilliseconds(inStartUp ? random.Next(100, 1500) : random.Next(0, 1500));
            var clock = Stopwatch.StartNew();
            await using var app = await CrashingApp.StartAsync(store);
            var tagger = new Tagger(store, new Random(random.Next()));
            var tagging = tagger.RunAsync(app);
            var timing = "";
            if (!inStartUp)
            {
                // Generous: on a machine shared with other builds a start has taken 75 s.
                await app.WaitForStartAsync(TimeSpan.FromMinutes(3));
                var started = clock.Elapsed;
                // A tagger that stopped (a 5xx) says why instead of leaving this to time out.
                if (await Task.WhenAny(tagger.FirstAcknowledged, tagging).WaitAsync(TimeSpan.FromMinutes(2)) == tagging)
                {
                    await tagging;
                    Assert.Fail($"seed {seed}, store {lane + 1}, kill {point}: the tagger stopped before its first 201");
                }

                var acknowledgedAt = clock.Elapsed;
                var scraping = scraped < listed && await ScrapingAsync(store, scraped, TimeSpan.FromSeconds(30));
                timing = $" (started in {started.TotalSeconds:0.0} s, first 201 at {acknowledgedAt.TotalSeconds:0.0} s" +
                    (scraping ? $", an article stored at {clock.Elapsed.TotalSeconds:0.0} s)" : ", no article stored in this run)");
            }

            await Task.Delay(killAfter);
            app.Kill();
            await tagging;
            acknowledged.AddRange(tagger.Acknowledged);

            var report = await StoreConsistency.CheckAsync(store, acknowledged);
            acknowledged = report.Settle(acknowledged);
            scraped = report.Articles;
            Say($"store {lane + 1} kill {point} {killAfter.TotalMilliseconds:0} ms after {(inStartUp ? "the process started" : "both were writing")}{timing}: {report}");
            Assert.True(report.Problems.Count == 0, $"seed {seed}, store {lane + 1}, kill {point}: {string.Join("; ", report.Problems)}");
        }

        // The next start resumes: every listed article ends up stored exactly once.
        await CrashingApp.ScrapeToTheEndAsync(store);
        var final = await StoreConsistency.CheckAsync(store, acknowledged);
        Say($"store {lane + 1} after the final scrape: {final}");
        Assert.True(final.Problems.Count == 0, $"seed {seed}, store {lane + 1}, final: {string.Join("; ", final.Problems)}");
        var urls = await StoreConsistency.ScrapedUrlsAsync(store);
        var expected = Enumerable.Range(1, SourcesPerStore)
            .SelectMany(s => Enumerable.Range(1, ItemsPerSource).Select(i => site.Url($"/articles/crash-{run}-{s}-{i}.html")))
            .ToHashSet();
        Assert.Equal(urls.Count, urls.Distinct().Count());
        Assert.True(expected.SetEquals(urls), $"seed {seed}, store {lane + 1}: missing {string.Join(", ", expected.Except(urls).Take(5))}; unexpected {string.Join(", ", urls.Except(expected).Take(5))}");
        return acknowledged.Count;
    }

    /// <summary>Whether the running app stores an article beyond <paramref name="before"/> within <paramref name="patience"/>.</summary>
    private static async Task<bool> ScrapingAsync(CrashStore store, long before, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < patience)
        {
            if (await StoreConsistency.ScrapedCountAsync(store) > before)
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    /// <summary>
    /// To the test output, and as it happens to the file NEWSDESK_CRASH_LOG names (xunit shows the output only when the
    /// test ends; bench/crash/run.sh's long runs are followed in that file).
    /// </summary>
    private void Say(string line)
    {
        output.WriteLine(line);
        if (Environment.GetEnvironmentVariable("NEWSDESK_CRASH_LOG") is { Length: > 0 } log)
        {
            lock (output)
            {
                File.AppendAllText(log, $"{DateTime.UtcNow:HH:mm:ss} {line}{Environment.NewLine}");
            }
        }
    }

    private static int? Setting(string name) => int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : null;
}
