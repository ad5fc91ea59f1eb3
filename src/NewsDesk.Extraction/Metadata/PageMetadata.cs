namespace NewsDesk.Extraction.Metadata;

/// <summary>Everything known about the page before its body is scored.</summary>
internal sealed record PageMetadata
{
    public string? Title { get; init; }
    public string? Byline { get; init; }
    public PageDate? Published { get; init; }
    public string? SiteName { get; init; }
    public string? Language { get; init; }
    public string? CanonicalUrl { get; init; }
    public string? LeadImageUrl { get; init; }
    public string? Description { get; init; }

    /// <summary>The JSON-LD articleBody, kept as a fallback for pages that render their text with script.</summary>
    public string? ArticleBody { get; init; }
}
