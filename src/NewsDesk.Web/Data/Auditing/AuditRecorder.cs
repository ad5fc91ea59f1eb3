using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Auditing;

/// <summary>
/// Writes the audit log from EF's change tracker: every save of an audited entity (mentions, records,
/// collections, sources, users, tokens) adds an <see cref="AuditEntry"/> with the values before and after, in the
/// same transaction, and stamps <c>CreatedBy</c>/<c>UpdatedBy</c>. Called by <see cref="NewsDeskDbContext"/>'s save
/// pipeline (<see cref="Collect"/> before the save, <see cref="AddEntries"/> after it, when keys of added rows are
/// known). Changes made with ExecuteUpdate/ExecuteDelete bypass it, so audited code does not use them.
/// </summary>
public sealed class AuditRecorder(CurrentActor? actor, TimeProvider clock)
{
    private string ActorName => actor?.Name ?? CurrentActor.System;

    /// <summary>The audited changes the tracker holds now; refuses any change to the audit log itself.</summary>
    public IReadOnlyList<Pending> Collect(DbContext context)
    {
        var pending = new List<Pending>();
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is AuditEntry && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("The audit log is append-only: entries are never changed or deleted.");
            }

            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || AuditedTypes.Describe(entry) is not { } kind)
            {
                continue;
            }

            Stamp(entry);
            var before = entry.State is EntityState.Added ? null : Values(entry, kind, original: true);
            var after = entry.State is EntityState.Deleted ? null : Values(entry, kind, original: false);
            if (entry.State is EntityState.Modified)
            {
                var changed = before!.Keys.Where(k => !Equals(before[k], after![k])).ToHashSet();
                if (changed.All(kind.IsOperational))
                {
                    continue;
                }

                before = before.Where(p => changed.Contains(p.Key)).ToDictionary();
                after = after!.Where(p => changed.Contains(p.Key)).ToDictionary();
            }

            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            };
            var known = entry.State is not EntityState.Added;
            pending.Add(new Pending(entry, kind, action, before, after, known ? kind.EntityId(entry) : null, known ? kind.RecordIdOf(entry) : null));
        }

        return pending;
    }

    private void Stamp(EntityEntry entry)
    {
        // Who made a change is stamped here, next to the audit entry, so no page can forget it.
        if (entry.State is EntityState.Added && entry.Metadata.FindProperty("CreatedBy") is not null)
        {
            entry.Property("CreatedBy").CurrentValue ??= ActorName;
        }

        if (entry.State is EntityState.Added or EntityState.Modified && entry.Metadata.FindProperty("UpdatedBy") is not null)
        {
            entry.Property("UpdatedBy").CurrentValue = ActorName;
        }
    }

    private static Dictionary<string, object?> Values(EntityEntry entry, AuditedType kind, bool original)
    {
        var values = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (kind.IsSecret(name))
            {
                // Secrets never reach the log; that they changed does.
                values[name] = original ? "(secret)" : property.IsModified || entry.State is EntityState.Added ? "(secret, changed)" : "(secret)";
                continue;
            }

            values[name] = original ? property.OriginalValue : property.CurrentValue;
        }

        return values;
    }

    /// <summary>Adds one entry per collected change; runs after the change is saved, before the transaction commits.</summary>
    public void AddEntries(DbContext context, IReadOnlyList<Pending> pending)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var change in pending)
        {
            // Keys of added rows are known only now, after the insert.
            context.Add(new AuditEntry
            {
                At = now,
                UserId = actor?.UserId,
                UserName = ActorName,
                Action = change.Action,
                EntityType = change.Kind.Name,
                EntityId = change.EntityId ?? change.Kind.EntityId(change.Entry),
                RecordType = change.Kind.RecordType,
                RecordId = change.RecordId ?? change.Kind.RecordIdOf(change.Entry),
                Version = change.Action is AuditAction.Deleted ? null : change.Entry.Metadata.FindProperty("Version") is null ? null : (int?)change.Entry.Property("Version").CurrentValue,
                Before = Json(change.Before, change.Kind, context),
                After = Json(change.Action is AuditAction.Created ? Values(change.Entry, change.Kind, original: false) : change.After, change.Kind, context),
            });
        }
    }

    private static string? Json(Dictionary<string, object?>? values, AuditedType kind, DbContext context)
    {
        if (values is null)
        {
            return null;
        }

        if (kind.Name == "UserRole" && values.TryGetValue("RoleId", out var roleId) && roleId is string role)
        {
            // A role id means nothing to a reader: log the role's name.
            values["Role"] = context.Set<IdentityRole>().Find(role)?.Name;
            values.Remove("RoleId");
        }

        return JsonSerializer.Serialize(values, AuditJson.Options);
    }

    /// <summary>One audited change waiting for its entry.</summary>
    public sealed record Pending(EntityEntry Entry, AuditedType Kind, AuditAction Action, Dictionary<string, object?>? Before, Dictionary<string, object?>? After, string? EntityId, string? RecordId);
}
