namespace NewsDesk.Web.Domain;

/// <summary>
/// What one editor follows: an actor (matched by any of its names as articles arrive) or a saved search (its words
/// must all occur, folded as search folds). New matching articles become <see cref="WatchHit"/>s at ingest.
/// </summary>
public class Watch
{
    public int Id { get; set; }

    /// <summary>The editor's account (email), as the workflow's assignee is kept.</summary>
    public required string Owner { get; set; }
    public int? ActorId { get; set; }
    public Actor? Actor { get; set; }

    /// <summary>A saved search: words that must all occur in the article.</summary>
    public string? Query { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<WatchHit> Hits { get; set; } = [];
}

/// <summary>An article that matched a watch when it arrived.</summary>
public class WatchHit
{
    public long Id { get; set; }
    public int WatchId { get; set; }
    public Watch? Watch { get; set; }
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
    public DateTime FoundAt { get; set; }

    /// <summary>Where the followed name first occurs (UTF-16 offset), for the list's snippet; null for a saved search.</summary>
    public int? FirstOffset { get; set; }
}
