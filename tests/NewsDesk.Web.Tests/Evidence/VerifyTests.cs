using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;
using NewsDesk.Web.Tests.Ingest;

namespace NewsDesk.Web.Tests.Evidence;

public class VerifyTests(EvidenceSite site) : IClassFixture<EvidenceSite>
{
    [Fact]
    public async Task Verify_passes_on_untouched_evidence_and_exits_1_naming_a_capture_with_a_flipped_byte()
    {
        await using var factory = new IngestFactory();
        var (_, capture) = await CaptureAsync(factory, "verify-flip");

        var clean = await VerifyAsync(factory);
        var path = WarcBytes.FileOf(factory, capture);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[capture.Offset + (capture.Length / 2)] ^= 0x01;
        await File.WriteAllBytesAsync(path, bytes);
        var flipped = await VerifyAsync(factory);

        Assert.True(clean.ExitCode == 0, clean.Output + clean.Error);
        Assert.Contains("captures: 1 checked, 0 problem(s)", clean.Output, StringComparison.Ordinal);
        Assert.Contains("hash chain intact", clean.Output, StringComparison.Ordinal);
        Assert.Equal(1, flipped.ExitCode);
        Assert.Contains($"capture #{capture.Id} ({capture.TargetUri}, {capture.WarcFile} at {capture.Offset}): the stored bytes do not match their SHA-256", flipped.Output, StringComparison.Ordinal);
        Assert.Contains("verify: FAILED", flipped.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_names_the_first_audit_entry_that_was_edited_or_removed_behind_the_apps_back()
    {
        // Edits the log behind the app's back by dropping SQLite's own guard triggers: SQLite only.
        await using var factory = new SqliteIngestFactory();
        for (var i = 0; i < 4; i++)
        {
            await factory.AddSourceAsync(site.Url($"/news/audit-{i}.html"), SourceKind.Page);
        }

        var ids = await factory.ExecuteDbContextAsync(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync());
        Assert.True(ids.Count >= 4);
        Assert.Equal(0, (await VerifyAsync(factory)).ExitCode);

        await SqlAsync(factory, $"DROP TRIGGER AuditEntries_no_update; UPDATE AuditEntries SET After = '{{\"Name\":\"forged\"}}' WHERE Id = {ids[1]};");
        var edited = await VerifyAsync(factory);
        await SqlAsync(factory, $"DROP TRIGGER AuditEntries_no_delete; DELETE FROM AuditEntries WHERE Id <= {ids[1]};");
        var removed = await VerifyAsync(factory);

        Assert.Equal(1, edited.ExitCode);
        Assert.Contains($"audit log: first break at entry #{ids[1]}: the entry's content does not match its hash (it was changed)", edited.Output, StringComparison.Ordinal);
        Assert.Equal(1, removed.ExitCode);
        Assert.Contains($"first break at entry #{ids[2]}: the entry does not link to the one before it", removed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entries_from_before_the_chain_are_chained_at_start_and_stay_append_only()
    {
        await using var factory = new SqliteIngestFactory();
        await factory.AddSourceAsync(site.Url("/news/legacy.html"), SourceKind.Page);
        await SqlAsync(factory, "INSERT INTO AuditEntries (At, UserName, Action, EntityType, EntityId, RecordType, RecordId) VALUES ('2024-01-01 00:00:00', 'legacy', 'Created', 'Source', '99', 'Source', '99');");
        Assert.Null((await LegacyAsync(factory)).Hash);

        // Every start (and every verb, verify too) migrates first, and chains what has no hash yet.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
        }

        var legacy = await LegacyAsync(factory);
        Assert.NotNull(legacy.Hash);
        Assert.Equal(0, (await VerifyAsync(factory)).ExitCode);
        var refused = await Assert.ThrowsAsync<SqliteException>(() => SqlAsync(factory, $"UPDATE AuditEntries SET Hash = 'x' WHERE Id = {legacy.Id};"));
        Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_removed_or_truncated_WARC_file_is_reported_by_verify_and_on_the_article_page_never_a_500()
    {
        await using var factory = new IngestFactory();
        var (article, capture) = await CaptureAsync(factory, "verify-gone");
        var path = WarcBytes.FileOf(factory, capture);
        var client = factory.CreateClient();

        await using (var file = new FileStream(path, FileMode.Open))
        {
            file.SetLength(capture.Offset + 10);
        }

        var truncatedPage = await client.GetDocumentAsync($"/articles/{article.Id}");
        File.Delete(path);
        var removed = await VerifyAsync(factory);
        var removedPage = await client.GetAsync($"/articles/{article.Id}");
        var versionsPage = await client.GetAsync($"/articles/{article.Id}/versions");
        var download = await client.GetAsync($"/articles/{article.Id}/versions/warc?number=1");

        Assert.Contains($"the capture file {capture.WarcFile} is truncated", truncatedPage.QuerySelector(".evidence-problem")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, removed.ExitCode);
        Assert.Contains($"the capture file {capture.WarcFile} is missing", removed.Output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, removedPage.StatusCode);
        Assert.Contains($"the capture file {capture.WarcFile} is missing", (await removedPage.ReadDocumentAsync()).QuerySelector(".evidence-problem")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, versionsPage.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, download.StatusCode);
    }

    [Fact]
    public async Task An_admin_runs_verify_from_the_Verify_page()
    {
        await using var factory = new IngestFactory();
        var (_, capture) = await CaptureAsync(factory, "verify-page");
        File.Delete(WarcBytes.FileOf(factory, capture));
        var client = factory.CreateClient();

        var response = await client.SubmitFormAsync("/admin/verify", new Dictionary<string, string>());

        var report = (await response.ReadDocumentAsync()).QuerySelector(".verify-report")!.TextContent;
        Assert.Contains("captures: 1 checked, 1 problem(s)", report, StringComparison.Ordinal);
        Assert.Contains("verify: FAILED", report, StringComparison.Ordinal);
    }

    private async Task<(Article, Capture)> CaptureAsync(NewsDeskFactory factory, string slug)
    {
        var source = await factory.AddSourceAsync(site.Url($"/news/{slug}.html"), SourceKind.Page);
        await factory.FetchSourceAsync(source);
        var article = (await factory.ArticlesOfAsync(source))[0];
        return (article, (await WarcBytes.VersionsAsync(factory, article.Id))[0].Capture!);
    }

    private static Task<AuditEntry> LegacyAsync(NewsDeskFactory factory) =>
        factory.ExecuteDbContextAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.UserName == "legacy"));

    private static Task<AppProcess.Result> VerifyAsync(NewsDeskFactory factory) =>
        AppProcess.RunAsync(["verify", .. factory.StoreArguments, $"--NewsDesk:DataDirectory={factory.DataDirectory}"]);

    private static async Task SqlAsync(NewsDeskFactory factory, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
