using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Evidence;

namespace NewsDesk.Web.Export;

/// <summary>
/// The evidence bundle: a ZIP with the selection's CSV files (the existing writers, unchanged), the WARC records of
/// every exported article's versions that its mentions point at (the latest when it has none), <c>manifest.json</c>
/// (each file's sha256, size and what it is; export time, user, app version) and <c>SHA256SUMS</c>, which
/// <c>sha256sum -c</c> checks after unzipping with no NewsDesk at hand.
/// </summary>
public sealed class EvidenceBundleWriter(NewsDeskDbContext db, ExportService export, CaptureFiles captures, TimeProvider clock)
{
    private static readonly JsonSerializerOptions _indented = new() { WriteIndented = true };

    private sealed record Item(string File, string Sha256, long Size, string What);

    public async Task<int> WriteAsync(ExportSelection selection, ExportFormat format, string exportedBy, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var now = clock.GetUtcNow();
        var items = new List<Item>();
        var missing = new List<string>();
        var archive = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        await using (archive)
        {
            var scope = await export.ScopeAsync(selection, cancellationToken);
            foreach (var file in ExportService.Files)
            {
                using var content = new MemoryStream();
                var rows = await export.WriteFileAsync(file, scope, format, content, synchronous: true, cancellationToken);
                var what = file is IExportTableWriter ? $"CSV table, {rows} row(s) (docs/export.md)" : $"JSON file, {rows} object(s) (docs/export.md)";
                await AddAsync(archive, file.FileName, content.ToArray(), what, items, now, cancellationToken);
            }

            var articleIds = await scope.Articles.Select(a => a.Id).ToListAsync(cancellationToken);
            var pointedAt = (await scope.Mentions.Select(m => new { m.ArticleId, m.TextVersion }).Distinct().ToListAsync(cancellationToken))
                .ToLookup(m => m.ArticleId, m => m.TextVersion);
            foreach (var chunk in articleIds.Chunk(500))
            {
                var versions = await db.ArticleVersions.AsNoTracking().Include(v => v.Capture)
                    .Where(v => chunk.Contains(v.ArticleId)).ToListAsync(cancellationToken);
                foreach (var group in versions.GroupBy(v => v.ArticleId))
                {
                    var wanted = pointedAt[group.Key].ToHashSet();
                    var chosen = wanted.Count > 0 ? group.Where(v => wanted.Contains(v.Number)) : group.OrderByDescending(v => v.Number).Take(1);
                    foreach (var version in chosen.Where(v => v.Capture is not null))
                    {
                        var name = $"captures/article-{version.ArticleId}-v{version.Number}.warc.gz";
                        if (await captures.ReadAsync(version.Capture!, cancellationToken) is { } bytes)
                        {
                            await AddAsync(archive, name, bytes,
                                $"WARC request+response of article {version.ArticleId} version {version.Number} ({version.Capture!.TargetUri}, captured {version.Capture.CapturedAt:O}; payload sha256 {version.Capture.PayloadSha256})",
                                items, now, cancellationToken);
                        }
                        else
                        {
                            missing.Add($"{name}: {captures.Problem(version.Capture!)}");
                        }
                    }
                }
            }

            var manifest = JsonSerializer.SerializeToUtf8Bytes(new
            {
                exportedAt = now.UtcDateTime.ToString("O"),
                exportedBy,
                application = $"NewsDesk {AppVersion.Current}",
                files = items.Select(i => new { file = i.File, sha256 = i.Sha256, size = i.Size, what = i.What }),
                missingCaptures = missing,
            }, _indented);
            await AddAsync(archive, "manifest.json", manifest, "this list", items, now, cancellationToken);
            // sha256sum's own format: hash, two spaces, path; every file but SHA256SUMS itself.
            var sums = Encoding.UTF8.GetBytes(string.Concat(items.Select(i => $"{i.Sha256}  {i.File}\n")));
            await AddAsync(archive, "SHA256SUMS", sums, "checksums", [], now, cancellationToken);
        }

        return items.Count;
    }

    private static async Task AddAsync(ZipArchive archive, string name, byte[] bytes, string what, List<Item> items, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entry = archive.CreateEntry(name, CompressionLevel.Fastest);
        entry.LastWriteTime = now;
        await using (var stream = await entry.OpenAsync(cancellationToken))
        {
            await stream.WriteAsync(bytes, cancellationToken);
        }

        items.Add(new Item(name, Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length, what));
    }
}
