using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsDesk.Web.Data;

namespace NewsDesk.Web.Export;

/// <summary>
/// The one export both the /export page and the <c>export</c> verb call, so both produce the same bytes:
/// counts of a selection, one file, all of them into a folder, or all of them into a ZIP.
/// </summary>
public sealed class ExportService(
    NewsDeskDbContext db, TimeProvider clock, IOptions<NewsDeskOptions> options, ILogger<ExportService> logger)
{
    /// <summary>The exported CSV tables, in the order they appear in a folder or ZIP.</summary>
    public static IReadOnlyList<IExportTableWriter> Tables { get; } =
    [
        new ArticlesCsvWriter(), new MentionsCsvWriter(), new ActorsCsvWriter(), new IncidentsCsvWriter(), new ClaimsCsvWriter(),
    ];

    /// <summary>The JSON files that follow the tables: ClaimReview JSON-LD and GeoJSON.</summary>
    public static IReadOnlyList<IExportDocumentWriter> Documents { get; } = [new ClaimsJsonLdWriter(), new IncidentsGeoJsonWriter()];

    /// <summary>Every file of a full export, in order.</summary>
    public static IReadOnlyList<IExportFile> Files { get; } = [.. Tables, .. Documents];

    public static IExportTableWriter? FindTable(string fileName) =>
        Tables.FirstOrDefault(t => string.Equals(t.FileName, fileName, StringComparison.OrdinalIgnoreCase));

    public static IExportFile? FindFile(string fileName) =>
        Files.FirstOrDefault(t => string.Equals(t.FileName, fileName, StringComparison.OrdinalIgnoreCase));

    /// <summary>The id of the collection with exactly this name, or null.</summary>
    public Task<int?> FindCollectionIdAsync(string name, CancellationToken cancellationToken) =>
        db.Collections.Where(c => c.Name == name).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The rows each file will have, after the selection is closed (docs/export.md).</summary>
    public async Task<ExportCounts> CountAsync(ExportSelection selection, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(selection, cancellationToken);
        return new ExportCounts(
            await scope.Articles.CountAsync(cancellationToken),
            await scope.Mentions.CountAsync(cancellationToken),
            await (await scope.ActorsAsync(cancellationToken)).CountAsync(cancellationToken),
            await (await scope.IncidentsAsync(cancellationToken)).CountAsync(cancellationToken),
            await (await scope.ClaimsAsync(cancellationToken)).CountAsync(cancellationToken));
    }

    /// <summary>Writes one table as CSV to <paramref name="output"/>; returns its row count.</summary>
    public async Task<int> WriteTableAsync(
        IExportTableWriter table, ExportSelection selection, ExportFormat format, Stream output, CancellationToken cancellationToken) =>
        await WriteFileAsync(table, await ScopeAsync(selection, cancellationToken), format, output, cancellationToken);

    /// <summary>Writes one file (CSV or JSON) to <paramref name="output"/>; returns its row or object count.</summary>
    public async Task<int> WriteFileAsync(
        IExportFile file, ExportSelection selection, ExportFormat format, Stream output, CancellationToken cancellationToken) =>
        await WriteFileAsync(file, await ScopeAsync(selection, cancellationToken), format, output, cancellationToken);

    /// <summary>
    /// Writes every file (or only <paramref name="only"/>, when not empty) into <paramref name="directory"/>
    /// (created if missing); returns the files and row counts.
    /// </summary>
    public async Task<IReadOnlyList<(string Path, int Rows)>> WriteDirectoryAsync(
        ExportSelection selection, ExportFormat format, string directory, CancellationToken cancellationToken,
        IReadOnlyCollection<IExportFile>? only = null)
    {
        Directory.CreateDirectory(directory);
        var scope = await ScopeAsync(selection, cancellationToken);
        var written = new List<(string, int)>();
        foreach (var table in Chosen(only))
        {
            var path = Path.Combine(directory, table.FileName);
            await using var file = CreateLocalFile(path);
            written.Add((path, await WriteFileAsync(table, scope, format, file, synchronous: true, cancellationToken)));
        }

        return written;
    }

    /// <summary>
    /// Writes every file (or only <paramref name="only"/>) into a ZIP on <paramref name="output"/>, entry by entry,
    /// straight to the stream (a response body needs no seeking); returns the row counts by file name.
    /// </summary>
    /// <param name="synchronous">Whether <paramref name="output"/> may be written synchronously (a local file, see <see cref="CreateLocalFile"/>).</param>
    public async Task<IReadOnlyList<(string FileName, int Rows)>> WriteZipAsync(
        ExportSelection selection, ExportFormat format, Stream output, CancellationToken cancellationToken,
        IReadOnlyCollection<IExportFile>? only = null, bool synchronous = false)
    {
        var scope = await ScopeAsync(selection, cancellationToken);
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
                written.Add((table.FileName, await WriteFileAsync(table, scope, format, stream, synchronous, cancellationToken)));
            }
        }

        return written;
    }

    /// <summary>The selection closed over every reference, as the files see it.</summary>
    public Task<ExportScope> ScopeAsync(ExportSelection selection, CancellationToken cancellationToken) =>
        ExportScope.CreateAsync(db, selection, new ExportLinks(options.Value.PublicBaseUrl, options.Value.ReviewerName), cancellationToken);

    /// <summary>
    /// A file the export writes to on this machine: written synchronously (CsvTableWriter explains why) in the
    /// writers' own megabyte chunks, so the stream adds no buffer of its own.
    /// </summary>
    public static FileStream CreateLocalFile(string path) =>
        new(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.None);

    /// <summary>Writes one file of an already closed selection.</summary>
    public Task<int> WriteFileAsync(
        IExportFile file, ExportScope scope, ExportFormat format, Stream output, CancellationToken cancellationToken) =>
        WriteFileAsync(file, scope, format, output, synchronous: false, cancellationToken);

    /// <summary>Writes one file of an already closed selection, synchronously when <paramref name="output"/> allows it (a local file or memory).</summary>
    public async Task<int> WriteFileAsync(
        IExportFile file, ExportScope scope, ExportFormat format, Stream output, bool synchronous, CancellationToken cancellationToken)
    {
        int rows;
        if (file is IExportDocumentWriter document)
        {
            rows = await document.WriteAsync(scope, output, cancellationToken);
        }
        else
        {
            var table = (IExportTableWriter)file;
            await using var csv = new CsvTableWriter(output, format.ByteOrderMark, synchronous);
            csv.WriteHeader(table.Columns(format));
            await table.WriteRowsAsync(scope, format, csv, cancellationToken);
            rows = csv.Rows;
        }

        logger.LogInformation("Exported {Rows} row(s) to {File}", rows, file.FileName);
        return rows;
    }

    // In the usual order whatever order they were asked in, so a partial export lists like a full one.
    private static IEnumerable<IExportFile> Chosen(IReadOnlyCollection<IExportFile>? only) =>
        only is { Count: > 0 } ? Files.Where(only.Contains) : Files;
}
