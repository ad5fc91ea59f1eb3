namespace NewsDesk.Web.Domain;

/// <summary>
/// A span of an article's plain text that refers to exactly one actor, incident or claim. Start and End are
/// UTF-16 code unit offsets into <see cref="Article.Text"/> (JavaScript and C# string indices), End exclusive.
/// Spans may overlap and nest.
/// </summary>
public class Mention
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
    public int Start { get; set; }
    public int End { get; set; }

    /// <summary>The text at [Start, End) when the mention was made; checked against the article on save.</summary>
    public required string Quote { get; set; }

    /// <summary>The number of the <see cref="ArticleVersion"/> whose text the offsets point into (1 before versions existed).</summary>
    public int TextVersion { get; set; } = 1;

    // Exactly one of these is set (a check constraint enforces it), so each link keeps a real foreign key.
    public int? ActorId { get; set; }
    public Actor? Actor { get; set; }
    public int? IncidentId { get; set; }
    public Incident? Incident { get; set; }
    public int? ClaimId { get; set; }
    public Claim? Claim { get; set; }

    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    /// <summary>Concurrency token bumped by the context on every change, like <see cref="EditableRecord.Version"/>.</summary>
    public int Version { get; set; }

    public RecordType RecordType =>
        ActorId is not null ? RecordType.Actor : IncidentId is not null ? RecordType.Incident : RecordType.Claim;
}

/// <summary>The three kinds of knowledge-base record a mention can point to.</summary>
public enum RecordType
{
    Actor,
    Incident,
    Claim,
}
