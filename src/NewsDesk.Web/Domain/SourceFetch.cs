namespace NewsDesk.Web.Domain;

/// <summary>One attempt to fetch a source: the fetch log shown on the source's page.</summary>
public class SourceFetch
{
    public long Id { get; set; }
    public int SourceId { get; set; }
    public Source? Source { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public int? HttpStatus { get; set; }
    public int ItemsSeen { get; set; }
    public int NewArticles { get; set; }
    public string? Error { get; set; }
}
