namespace NewsDesk.Web.Domain;

/// <summary>
/// When a recently fetched article is fetched again to catch silent edits (at 1 h, 6 h, 24 h and 7 days after its
/// first fetch, by default). The row goes once the schedule is done.
/// </summary>
public class ArticleRecheck
{
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
    public DateTime NextCheckAt { get; set; }

    /// <summary>Re-checks made so far: the index of the next step in the schedule.</summary>
    public int ChecksDone { get; set; }
    public DateTime? LastCheckedAt { get; set; }

    /// <summary>What the last re-check found ("unchanged", "version 2", an error), for the article page.</summary>
    public string? LastResult { get; set; }
}
