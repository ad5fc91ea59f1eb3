namespace NewsDesk.Web.Domain;

/// <summary>A news article as stored: metadata, the plain text mentions point into, and sanitized HTML.</summary>
public class Article
{
    public int Id { get; set; }

    /// <summary>Canonical URL (normalised, tracking parameters removed); unique across the store.</summary>
    public required string Url { get; set; }
    public int? SourceId { get; set; }
    public Source? Source { get; set; }

    public required string Title { get; set; }
    public string? Byline { get; set; }
    public string? SiteName { get; set; }
    public string? Section { get; set; }

    /// <summary>BCP 47 language tag when known ("en", "ar", "fa").</summary>
    public string? Language { get; set; }
    public string? LeadImageUrl { get; set; }

    /// <summary>
    /// Publication time in UTC when the zone is known; when <see cref="PublishedUtcOffsetMinutes"/> is null
    /// the zone was not stated and this is the wall-clock time as printed.
    /// </summary>
    public DateTime? PublishedAt { get; set; }
    public int? PublishedUtcOffsetMinutes { get; set; }
    public DatePrecision PublishedPrecision { get; set; } = DatePrecision.Unknown;
    public DateTime FetchedAt { get; set; }

    /// <summary>How much of the text <see cref="Lead"/> keeps.</summary>
    public const int LeadLength = 280;

    private string _text = "";

    /// <summary>
    /// The article's plain text, paragraphs separated by a blank line. Mention offsets are UTF-16 code unit
    /// indices into this string, so it never changes once an article has mentions. Setting it sets <see cref="Lead"/>.
    /// </summary>
    public required string Text
    {
        get => _text;
        set
        {
            _text = value;
            // Never ends halfway through a surrogate pair (an emoji, a rare CJK character).
            Lead = value.Length <= LeadLength ? value : value[..(char.IsHighSurrogate(value[LeadLength - 1]) ? LeadLength - 1 : LeadLength)];
        }
    }

    /// <summary>
    /// The text's first <see cref="LeadLength"/> characters, stored so the article list shows an opening without
    /// reading the whole text (a long text spills into SQLite overflow pages; <c>substr</c> reads them all).
    /// </summary>
    public string Lead { get; private set; } = "";

    /// <summary>The body as HTML, sanitized with a tight allow-list before it was stored.</summary>
    public string? Html { get; set; }

    /// <summary>SHA-256 of the normalised text, hex: exact duplicates share it.</summary>
    public required string ContentHash { get; set; }

    /// <summary>64-bit SimHash of the text's word shingles, for near-duplicate detection across sources.</summary>
    public long? SimHash { get; set; }

    /// <summary>The first stored article this one is a near-duplicate of (a wire copy), if any.</summary>
    public int? DuplicateOfId { get; set; }
    public Article? DuplicateOf { get; set; }

    public List<Mention> Mentions { get; set; } = [];
    public List<CollectionArticle> Collections { get; set; } = [];

    /// <summary>Its place in the document workflow; null while it is new.</summary>
    public ArticleReview? Review { get; set; }
}

/// <summary>How much of a date is actually known.</summary>
public enum DatePrecision
{
    Unknown,
    Year,
    Month,
    Day,

    /// <summary>Known only roughly ("earlier this year", "late July").</summary>
    Approximate,
    Minute,
}

/// <summary>A publication date as precisely as it is known, for display.</summary>
public sealed record PublishedDate(DateTime? At, int? UtcOffsetMinutes, DatePrecision Precision);
