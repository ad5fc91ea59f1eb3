using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;

namespace NewsDesk.Web.Export;

/// <summary>
/// The one export both the /export page and the <c>export</c> verb call, so both produce the same bytes:
/// counts of a selection, one CSV file, all of them into a folder, or all of them into a ZIP.
/// </summary>
public sealed class ExportService(NewsDeskDbContext db, TimeProvider clock, ILogger<ExportService> logger)
{
    /// <summary>The exported tables, in the order they appear in a folder or ZIP.</summary>
    public static IReadOnlyList<IExportTableWriter> Tables { get; } =
    [
        new ArticlesCsvWriter(), new MentionsCsvWriter(), new ActorsCsvWriter(), new IncidentsCsvWriter(), new ClaimsCsvWriter(),
    ];

    public static IExportTableWriter? FindTable(string fileName) =>
        Tables.FirstOrDefault(t => string.Equals(t.FileName, fileName, StringComparison.OrdinalIgnoreCase));

    /// <summary>The id of the collection with exactly this name, or null.</summary>
    public Task<int?> FindCollectionIdAsync(string name, CancellationToken cancellationToken) =>
        db.Collections.Where(c => c.Name == name).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);

    public async Task<ExportCounts> CountAsync(ExportSelection selection, CancellationToken cancellationToken)
    {
        var scope = new ExportScope(db, selection);
        return new ExportCounts(
            await scope.Articles.CountAsync(cancellationToken),
            await scope.Mentions.CountAsync(cancellationToken),
            await scope.Actors.CountAsync(cancellationToken),
            await scope.Incidents.CountAsync(cancellationToken),
            await scope.Claims.CountAsync(cancellationToken));
    }

    /// <summary>Writes one table as CSV to <paramref name="output"/>; returns its row count.</summary>
    public async Task<int> WriteTableAsync(
        IExportTableWriter table, ExportSelection selection, ExportFormat format, Stream output, CancellationToken cancellationToken)
    {
        var scope = new ExportScope(db, selection);
        await using var csv = new CsvTableWriter(output, format.ByteOrderMark);
        csv.WriteHeader(table.Columns(format));
        await table.WriteRowsAsync(scope, format, csv, cancellationToken);
        logger.LogInformation("Exported {Rows} row(s) to {File}", csv.Rows, table.FileName);
        return csv.Rows;
    }

    /// <summary>
    /// Writes every table (or only <paramref name="only"/>, when not empty) into <paramref name="directory"/>
    /// (created if missing); returns the files and row counts.
    /// </summary>
    public async Task<IReadOnlyList<(string Path, int Rows)>> WriteDirectoryAsync(
        ExportSelection selection, ExportFormat format, string directory, CancellationToken cancellationToken,
        IReadOnlyCollection<IExportTableWriter>? only = null)
    {
        Directory.CreateDirectory(directory);
        var written = new List<(string, int)>();
        foreach (var table in Chosen(only))
        {
            var path = Path.Combine(directory, table.FileName);
            await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            written.Add((path, await WriteTableAsync(table, selection, format, file, cancellationToken)));
        }

        return written;
    }

    /// <summary>
    /// Writes every table (or only <paramref name="only"/>) into a ZIP on <paramref name="output"/>, entry by entry,
    /// straight to the stream (a response body needs no seeking); returns the row counts by file name.
    /// </summary>
    public async Task<IReadOnlyList<(string FileName, int Rows)>> WriteZipAsync(
        ExportSelection selection, ExportFormat format, Stream output, CancellationToken cancellationToken,
        IReadOnlyCollection<IExportTableWriter>? only = null)
    {
        var written = new List<(string, int)>();
        var archive = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        await using (archive)
        {
            var now = clock.GetUtcNow();
            foreach (var table in Chosen(only))
            {
                var entry = archive.CreateEntry(table.FileName, CompressionLevel.Fastest);
                entry.LastWriteTime = now;
                await using var stream = await entry.OpenAsync(cancellationToken);
                written.Add((table.FileName, await WriteTableAsync(table, selection, format, stream, cancellationToken)));
            }
        }

        return written;
    }

    // In the usual order whatever order they were asked in, so a partial export lists like a full one.
    private static IEnumerable<IExportTableWriter> Chosen(IReadOnlyCollection<IExportTableWriter>? only) =>
        only is { Count: > 0 } ? Tables.Where(only.Contains) : Tables;
}
