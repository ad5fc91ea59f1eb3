using System.Text.Json.Serialization;

namespace NewsDesk.Extraction.Batch;

/// <summary>One page's output file, in schema.org names as the benchmark's scorer reads them.</summary>
internal sealed record BatchRecord(
    [property: JsonPropertyName("articleBody")] string ArticleBody,
    [property: JsonPropertyName("headline")] string? Headline,
    [property: JsonPropertyName("author")] string? Author,
    [property: JsonPropertyName("datePublished")] string? DatePublished);

/// <summary>Compile-time JSON metadata for <see cref="BatchRecord"/>: no reflection at start-up of a short batch run.</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(BatchRecord))]
internal sealed partial class BatchJsonContext : JsonSerializerContext;
