namespace NewsDesk.Web.Domain;

/// <summary>
/// What an article said at one fetch. Version 1 is the first fetch; a re-fetch whose extracted text differs adds
/// the next number, so an edit after publication is never lost. Each fetched version points at its capture.
/// </summary>
public class ArticleVersion
{
    public long Id { get; set; }
    public int ArticleId { get; set; }
    public Article? Article { get; set; }

    /// <summary>1, 2, 3 ... in the order the texts were seen.</summary>
    public int Number { get; set; }
    public required string Title { get; set; }
    public string? Byline { get; set; }
    public DateTime? PublishedAt { get; set; }
    public required string Text { get; set; }

    /// <summary>SHA-256 (hex) of <see cref="Text"/> exactly as stored, as UTF-8.</summary>
    public required string TextSha256 { get; set; }
    public DateTime FetchedAt { get; set; }

    public long? CaptureId { get; set; }
    public Capture? Capture { get; set; }

    /// <summary>Why this version has no capture (captures off, the store full, a write error), when it has none.</summary>
    public string? NotCapturedReason { get; set; }
}
