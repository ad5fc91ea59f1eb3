using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;
using NewsDesk.Web.Tests.Ingest;

namespace NewsDesk.Web.Tests.Evidence;

public class CaptureCrashTests(FixtureSite site) : IClassFixture<FixtureSite>
{
    [Fact]
    public async Task A_scrape_killed_mid_capture_leaves_no_index_row_pointing_past_the_end_of_a_WARC_file()
    {
        await using var factory = new IngestFactory();
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

        var rows = await RowsAsync(factory);
        Assert.NotEmpty(rows);
        foreach (var (file, offset, length, sha) in rows)
        {
            var path = Path.Combine(captures, file);
            Assert.True(offset + length <= new FileInfo(path).Length, $"capture at {file}:{offset}+{length} points past the end");
            using var stream = File.OpenRead(path);
            stream.Position = offset;
            var bytes = new byte[length];
            stream.ReadExactly(bytes);
            Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }

        // Killed mid-run: some articles are in, not all.
        Assert.InRange(rows.Count, 1, 149);
    }

    // Read through the app's context: the same check on either engine.
    private static async Task<List<(string File, long Offset, long Length, string Sha)>> RowsAsync(NewsDeskFactory factory) =>
        (await factory.ExecuteDbContextAsync(db => db.Captures.Select(c => new { c.WarcFile, c.Offset, c.Length, c.StoredSha256 }).ToListAsync()))
            .Select(c => (c.WarcFile, c.Offset, c.Length, c.StoredSha256)).ToList();

    private static string[] Arguments(NewsDeskFactory factory, params string[] verb) =>
    [
        .. verb, .. factory.StoreArguments, $"--NewsDesk:DataDirectory={factory.DataDirectory}",
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
