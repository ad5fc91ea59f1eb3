using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NewsDesk.Extraction.Batch;

/// <summary>
/// Extracts every <c>&lt;id&gt;.html</c> in a folder to <c>&lt;id&gt;.json</c> (articleBody, headline, author,
/// datePublished), on all cores: the shape article-extraction benchmarks score.
/// </summary>
public static class BatchExtractor
{
    // Keep non-Latin text readable in the files; they are data, never embedded in HTML.
    private static readonly BatchJsonContext _json = new(new JsonSerializerOptions(BatchJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <param name="degreeOfParallelism">Pages in flight at once; 0 or less means one per core.</param>
    public static Task<BatchSummary> RunAsync(string inDir, string outDir, int degreeOfParallelism, CancellationToken ct) =>
        RunAsync(inDir, outDir, degreeOfParallelism, parseOnly: false, ct);

    /// <param name="parseOnly">Only decode and parse each page (no extraction, no output): the benchmark's floor.</param>
    public static async Task<BatchSummary> RunAsync(string inDir, string outDir, int degreeOfParallelism, bool parseOnly, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(inDir);
        ArgumentException.ThrowIfNullOrEmpty(outDir);
        if (!parseOnly)
        {
            Directory.CreateDirectory(outDir);
        }

        var files = Directory.GetFiles(inDir, "*.html").Order(StringComparer.Ordinal).ToArray();
        // The output files hold text fields only, so the sanitized HTML body is not built.
        var extractor = new ArticleExtractor(new ExtractionOptions { IncludeHtml = false });
        var failed = new ConcurrentBag<(string Id, string Error)>();
        var extracted = 0;
        var stopwatch = Stopwatch.StartNew();
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = degreeOfParallelism > 0 ? degreeOfParallelism : Environment.ProcessorCount,
            CancellationToken = ct,
        };

        await Parallel.ForEachAsync(files, parallel, async (file, token) =>
        {
            var id = Path.GetFileNameWithoutExtension(file);
            try
            {
                var bytes = await File.ReadAllBytesAsync(file, token);
                if (parseOnly)
                {
                    extractor.ParseBytes(bytes, contentType: null);
                    Interlocked.Increment(ref extracted);
                    return;
                }

                using var stream = new MemoryStream(bytes, writable: false);
                // Saved pages carry no HTTP header: the BOM or <meta> decides the charset.
                var article = extractor.Extract(stream, contentType: null, new Uri($"https://example.invalid/{Uri.EscapeDataString(id)}"));
                var record = new BatchRecord(article.Text, article.Title, article.Byline, article.Published?.ToString(
                    article.PublishedHasZone ? "yyyy-MM-ddTHH:mm:sszzz" : "yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
                await using var output = File.Create(Path.Combine(outDir, id + ".json"));
                await JsonSerializer.SerializeAsync(output, record, _json.BatchRecord, token);
                Interlocked.Increment(ref extracted);
            }
            catch (Exception ex) when (ex is ExtractionException or IOException or UnauthorizedAccessException)
            {
                failed.Add((id, ex.Message));
            }
        });

        return new BatchSummary(extracted, [.. failed.OrderBy(f => f.Id, StringComparer.Ordinal)], stopwatch.Elapsed);
    }
}
