namespace NewsDesk.Web.Domain;

/// <summary>
/// One change to an audited record, append-only: who, when, what, and the values before and after (JSON objects
/// of the changed columns). <see cref="RecordType"/>/<see cref="RecordId"/> name the page the change belongs to
/// (a mention's article, an alias's actor), so history panels find it.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }

    /// <summary>The Identity user id, or null for the system (start-up seeding, the scraper) and verbs.</summary>
    public string? UserId { get; set; }

    /// <summary>The user's email, <c>cli</c> for verbs or <c>system</c>; kept as text so it survives the user.</summary>
    public required string UserName { get; set; }
    public AuditAction Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public required string RecordType { get; set; }
    public required string RecordId { get; set; }

    /// <summary>The record's concurrency version after the change, where it has one.</summary>
    public int? Version { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }

    /// <summary>The previous entry's <see cref="Hash"/> ("" for the first): the link of the hash chain.</summary>
    public string? PreviousHash { get; set; }

    /// <summary>SHA-256 (hex) of this entry's content and <see cref="PreviousHash"/>; an edited or removed entry breaks the chain.</summary>
    public string? Hash { get; set; }
}

/// <summary>What happened to the record.</summary>
public enum AuditAction
{
    Created,
    Updated,
    Deleted,
    Merged,
}
