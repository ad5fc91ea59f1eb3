using System.Text.Json.Serialization;

namespace NewsDesk.Extraction.Batch;

/// <summary>One page's output file, in schema.org names as the benchmark's scorer reads them.</summary>
internal sealed record BatchRecord(
    [property: JsonPropertyName("articleBody")] string ArticleBody,
    [property: JsonPropertyName("headline")] string? Headline,
    [property: JsonPropertyName("author")] string? Author,
    [property: JsonPropertyName("datePublished")] string? DatePublished);
