namespace NewsDesk.Extraction;

/// <summary>Limits that keep one hostile or broken page from stalling the extractor, and what it produces.</summary>
public sealed record ExtractionOptions
{
    /// <summary>
    /// Pages whose open-tag depth (estimated before parsing) exceeds this are rejected: AngleSharp's tree building
    /// slows down sharply with depth (a 100,000-deep page takes about a minute), while real pages stay in the tens.
    /// </summary>
    public int MaxNestingDepth { get; init; } = 3000;

    /// <summary>Bytes read from the stream at most; the rest of a larger response is ignored.</summary>
    public int MaxBytes { get; init; } = 32 * 1024 * 1024;

    /// <summary>
    /// Build the sanitized HTML body (a second, HtmlSanitizer parse of the content). Callers that keep only the
    /// text, like the batch verb, turn it off; the scraper always stores both.
    /// </summary>
    public bool IncludeHtml { get; init; } = true;
}
