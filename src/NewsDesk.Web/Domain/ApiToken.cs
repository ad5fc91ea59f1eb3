namespace NewsDesk.Web.Domain;

/// <summary>
/// A personal API token. Only a SHA-256 hash of the secret is stored: the secret is shown once, on creation.
/// A revoked token stays as a row so the audit history can still name it.
/// </summary>
public class ApiToken
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public NewsDeskUser? User { get; set; }
    public required string Name { get; set; }

    /// <summary>The first characters of the token, shown in lists so a person can tell tokens apart.</summary>
    public required string Prefix { get; set; }
    public required string Hash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    /// <summary>A read-only token may read everything its user can; any write made with it gets 403 (a dashboard's key).</summary>
    public bool ReadOnly { get; set; }
}
