using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Seeding;

/// <summary>The shape of a file in seeds/articles/.</summary>
public sealed record SeedArticle(
    string? Url,
    string? Title,
    string? SiteName,
    string? Section,
    string? Byline,
    string? Language,
    DateTime? PublishedAt,
    int? PublishedUtcOffsetMinutes,
    DatePrecision? PublishedPrecision,
    string? LeadImageUrl,
    IReadOnlyList<string>? Paragraphs)
{
    /// <summary>Paragraphs are joined by a blank line: the same shape the extractor gives scraped articles.</summary>
    public const string ParagraphSeparator = "\n\n";

    public string BodyText() => string.Join(ParagraphSeparator, Paragraphs ?? []);
}
