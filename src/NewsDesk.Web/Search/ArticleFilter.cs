using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Search;

/// <summary>What the article list is narrowed to. Every field lives in the URL, so a filtered list can be shared.</summary>
public sealed record ArticleFilter
{
    /// <summary>Full-text query: words, "phrases", prefix*, OR, NOT.</summary>
    public string? Q { get; init; }
    public int? Source { get; init; }
    public string? Site { get; init; }
    public string? Language { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }

    /// <summary>true: only articles with at least one mention; false: only untouched ones.</summary>
    public bool? Annotated { get; init; }
    public int? Actor { get; init; }
    public int? Incident { get; init; }
    public int? Claim { get; init; }
    public int? Collection { get; init; }

    /// <summary>The document workflow's state (an article with no review row is new).</summary>
    public ArticleState? State { get; init; }

    /// <summary>The assignee's email: someone's queue.</summary>
    public string? Assignee { get; init; }

    /// <summary>The email of someone whose queue to show: assigned to them and waiting (<see cref="ArticleQueue"/>).</summary>
    public string? QueueOf { get; init; }

    /// <summary>The email of an editor whose watches flagged the article as it arrived (the "Watched" filter).</summary>
    public string? WatchedBy { get; init; }

    public bool HasQuery => !string.IsNullOrWhiteSpace(Q);
}
