using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Auditing;

/// <summary>
/// Entries the change tracker cannot infer: a merge is a delete plus moves to EF, but a reader wants to see
/// "merged into". Added to the context, so they are saved (or not) with the change they describe.
/// </summary>
public sealed class AuditLog(CurrentActor actor, TimeProvider clock)
{
    public void Merged(NewsDeskDbContext db, string type, int mergedId, int survivorId, string mergedName)
    {
        foreach (var recordId in new[] { mergedId, survivorId })
        {
            db.AuditEntries.Add(new AuditEntry
            {
                At = clock.GetUtcNow().UtcDateTime,
                UserId = actor.UserId,
                UserName = actor.Name,
                Action = AuditAction.Merged,
                EntityType = type,
                EntityId = mergedId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                RecordType = type,
                RecordId = recordId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Before = System.Text.Json.JsonSerializer.Serialize(new { Id = mergedId, Name = mergedName }, AuditJson.Options),
                After = System.Text.Json.JsonSerializer.Serialize(new { MergedInto = survivorId }, AuditJson.Options),
            });
        }
    }
}
