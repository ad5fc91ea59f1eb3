namespace NewsDesk.Web.Evidence;

/// <summary>Captures (WARC files), article versions and their re-check schedule. Bound to section "Evidence".</summary>
public class EvidenceOptions
{
    public const string SectionName = "Evidence";

    /// <summary>Keep every stored or updated article's HTTP exchange as WARC records.</summary>
    public bool KeepCaptures { get; set; } = true;

    /// <summary>Folder of the WARC files; relative paths are under the data directory.</summary>
    public string CaptureDirectory { get; set; } = "captures";

    /// <summary>A WARC file is closed and a new one begun once it reaches this size.</summary>
    public long MaxWarcFileBytes { get; set; } = 1L << 30;

    /// <summary>All WARC files together; when reached, articles are still stored, without captures, and a warning says so.</summary>
    public long MaxCaptureStoreBytes { get; set; } = 50L << 30;

    /// <summary>Bytes of HTTP headers recorded per request or response; the rest are left out and the record says so.</summary>
    public int MaxCapturedHeaderBytes { get; set; } = 16 * 1024;

    /// <summary>
    /// When a stored article is fetched again to catch silent edits, counted from its first fetch: comma-separated
    /// TimeSpans (a string, because the configuration binder appends to a list's defaults instead of replacing them).
    /// Empty: no re-checks.
    /// </summary>
    public string RecheckAfter { get; set; } = "01:00:00, 06:00:00, 1.00:00:00, 7.00:00:00";

    /// <summary><see cref="RecheckAfter"/> parsed, shortest first.</summary>
    public IReadOnlyList<TimeSpan> RecheckSchedule() =>
        [.. RecheckAfter.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => TimeSpan.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).Order()];

    /// <summary>Articles re-checked per scraper tick at most (the rest wait for the next tick).</summary>
    public int RecheckBatchSize { get; set; } = 50;
}
