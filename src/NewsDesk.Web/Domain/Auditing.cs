namespace NewsDesk.Web.Domain;

/// <summary>
/// Records editors change. <see cref="Version"/> is an app-managed concurrency token: SQLite has no rowversion,
/// so the context bumps it on every update and EF refuses to save over a version someone else changed.
/// </summary>
public abstract class EditableRecord
{
    public int Id { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public string? UpdatedBy { get; set; }
    public int Version { get; set; }
}
