namespace NewsDesk.Extraction;

/// <summary>What the extractor found on one page: the main text and the article's metadata.</summary>
public sealed record ExtractedArticle
{
    public string? Title { get; init; }
    public string? Byline { get; init; }

    /// <summary>Publication time; <see cref="PublishedHasZone"/> says whether the page stated its offset.</summary>
    public DateTimeOffset? Published { get; init; }
    public bool PublishedHasZone { get; init; }

    /// <summary>True when the page gave a time of day, not only a date.</summary>
    public bool PublishedHasTime { get; init; }
    public string? SiteName { get; init; }

    /// <summary>BCP 47 language tag when the page declares one ("en", "ar").</summary>
    public string? Language { get; init; }

    /// <summary>Absolute canonical URL from &lt;link rel=canonical&gt; or og:url, if any.</summary>
    public string? CanonicalUrl { get; init; }
    public string? LeadImageUrl { get; init; }
    public string? Description { get; init; }

    /// <summary>The main text: paragraphs (and headings, list items, quotes) separated by a blank line ("\n\n").</summary>
    public required string Text { get; init; }

    /// <summary>The main content as HTML, sanitized with a tight allow-list; safe to render.</summary>
    public required string Html { get; init; }
}
