using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Auditing;

/// <summary>
/// The audit log's hash chain: each entry stores the SHA-256 of its content together with the previous entry's
/// hash, so changing or removing any entry (with the database's triggers dropped, say) breaks every link after
/// it, and <c>verify</c> names the first. Entries are sealed in one place: <see cref="NewsDeskDbContext"/>'s save
/// pipeline, inside the save's write transaction with the log locked, so two writers cannot both link to the same
/// previous entry.
/// </summary>
public static class AuditChain
{
    /// <summary>The hash of an entry's content and its <see cref="AuditEntry.PreviousHash"/>.</summary>
    public static string HashOf(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        // A JSON array of the fields: unambiguous (no separator can be forged inside a value) and stable.
        var content = JsonSerializer.Serialize(new object?[]
        {
            entry.PreviousHash ?? "", entry.At.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture), entry.UserId, entry.UserName,
            entry.Action.ToString(), entry.EntityType, entry.EntityId, entry.RecordType, entry.RecordId, entry.Version, entry.Before, entry.After,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }

    /// <summary>Links the entries being added to the chain, in the order they will be inserted.</summary>
    public static async Task SealAsync(DbContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var added = Added(context);
        if (added.Count == 0)
        {
            return;
        }

        var previous = await context.Set<AuditEntry>().AsNoTracking().OrderByDescending(a => a.Id).Select(a => a.Hash)
            .FirstOrDefaultAsync(cancellationToken) ?? "";
        Link(added, previous);
    }

    public static void Seal(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var added = Added(context);
        if (added.Count > 0)
        {
            Link(added, context.Set<AuditEntry>().AsNoTracking().OrderByDescending(a => a.Id).Select(a => a.Hash).FirstOrDefault() ?? "");
        }
    }

    public static bool HasAdded(DbContext context) =>
        context.ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added);

    /// <summary>Chains entries written before the chain existed (their hash is null), in id order; run after migrating.</summary>
    public static async Task<int> SealLegacyAsync(NewsDeskDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var legacy = await db.AuditEntries.AsNoTracking().Where(a => a.Hash == null).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        if (legacy.Count == 0)
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var previous = await db.AuditEntries.AsNoTracking().Where(a => a.Id < legacy[0].Id).OrderByDescending(a => a.Id)
            .Select(a => a.Hash).FirstOrDefaultAsync(cancellationToken) ?? "";
        foreach (var entry in legacy)
        {
            entry.PreviousHash = previous;
            entry.Hash = HashOf(entry);
            previous = entry.Hash;
            // The append-only trigger lets a row without a hash get one, once (migration EvidenceAuditChain).
            await db.Database.ExecuteSqlAsync(
                $"UPDATE \"AuditEntries\" SET \"PreviousHash\" = {entry.PreviousHash}, \"Hash\" = {entry.Hash} WHERE \"Id\" = {entry.Id}", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return legacy.Count;
    }

    /// <summary>The first broken link (entry id and what is wrong), or null when the whole chain holds.</summary>
    public static async Task<(long Id, string Problem)?> VerifyAsync(NewsDeskDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var previous = "";
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (entry.Hash is null)
            {
                return (entry.Id, "the entry has no hash (not sealed)");
            }

            if (entry.PreviousHash != previous)
            {
                return (entry.Id, "the entry does not link to the one before it (an entry was removed or inserted)");
            }

            if (HashOf(entry) != entry.Hash)
            {
                return (entry.Id, "the entry's content does not match its hash (it was changed)");
            }

            previous = entry.Hash;
        }

        return null;
    }

    // EF inserts added rows of one table in the order of their temporary keys, which follow the order they were added.
    private static List<AuditEntry> Added(DbContext context) =>
    [
        .. context.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added)
            .OrderBy(e => e.Property(a => a.Id).CurrentValue).Select(e => e.Entity),
    ];

    private static void Link(List<AuditEntry> added, string previous)
    {
        foreach (var entry in added)
        {
            entry.PreviousHash = previous;
            entry.Hash = HashOf(entry);
            previous = entry.Hash;
        }
    }
}
