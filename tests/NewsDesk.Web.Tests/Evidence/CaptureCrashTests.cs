using System.Diagnostics;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;
using NewsDesk.Web.Tests.Ingest;

namespace NewsDesk.Web.Tests.Evidence;

[Trait(TestStore.EngineTrait, TestStore.FixedEngine)]
public class CaptureCrashTests(FixtureSite site) : IClassFixture<FixtureSite>
{
    [Fact]
    public async Task A_scrape_killed_mid_capture_leaves_no_index_row_pointing_past_the_end_of_a_WARC_file()
    {
        // Reads the SQLite file the killed process left: SQLite whatever the suite runs on.
        await using var factory = new SqliteIngestFactory();
        var slugs = string.Join(',', Enumerable.Range(1, 150).Select(i => $"crash-{i}"));
        await factory.AddSourceAsync(site.Url($"/feeds/rss.xml?items={slugs}"));
        var captures = Path.Combine(factory.DataDirectory, "captures");

        using var scrape = Start(factory, "scrape", "--once");
        // Kill -9 once captures are being written, at a moment that lands inside the stream of writes.
        var deadline = Stopwatch.StartNew();
        while (!(Directory.Exists(captures) && Directory.EnumerateFiles(captures).Sum(f => new FileInfo(f).Length) > 20_000) && !scrape.HasExited)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(2), "no captures were written");
            await Task.Delay(5);
        }

        Assert.False(scrape.HasExited, "the scrape ended before it could be killed; give it more articles");
        scrape.Kill();
        await scrape.WaitForExitAsync();

        var rows = await StoredCaptures.ReadAsync(factory.DatabasePath);
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            Assert.Null(await StoredCaptures.ProblemAsync(captures, row));
        }

        // Killed mid-run: some articles are in, not all.
        Assert.InRange(rows.Count, 1, 149);
    }

    private static string[] Arguments(NewsDeskFactory factory, params string[] verb) =>
    [
        .. verb, AppProcess.Database(factory.DatabasePath), $"--NewsDesk:DataDirectory={factory.DataDirectory}",
        "--Ingest:AllowPrivateNetworks=true", "--Ingest:PerHostDelay=00:00:00", "--Ingest:PerHostConcurrency=4",
    ];

    private static Process Start(NewsDeskFactory factory, params string[] verb)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "NewsDesk.Web.dll"));
        foreach (var argument in Arguments(factory, verb))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
