namespace NewsDesk.Web.Domain;

/// <summary>
/// An editor's answer to a suggestion in one article: accepted (the mention it became) or rejected. A rejection of an
/// actor hides that actor's suggestions in the article; one without an actor (an ambiguous name, a claim) hides that
/// span. Suggestions themselves are computed, never stored.
/// </summary>
public class SuggestionDecision
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
    public RecordType RecordType { get; set; }

    /// <summary>The actor the answer is about; null for a claim or an ambiguous name rejected as a whole.</summary>
    public int? ActorId { get; set; }
    public SuggestionVerdict Verdict { get; set; }

    /// <summary>The mention an accepted suggestion became.</summary>
    public int? MentionId { get; set; }
    public Mention? Mention { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime DecidedAt { get; set; }
}

public enum SuggestionVerdict
{
    Accepted,
    Rejected,
}
