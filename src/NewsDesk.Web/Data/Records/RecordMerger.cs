using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NewsDesk.Web.Data.Auditing;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Records;

/// <summary>
/// Merges two records that turn out to be the same thing: the survivor takes the other's mentions and links,
/// the other's names become the survivor's aliases, and the other is deleted, all in one transaction.
/// </summary>
public sealed class RecordMerger(NewsDeskDbContext db, AuditLog audit, ILogger<RecordMerger> logger)
{
    public async Task<MergeResult> MergeActorsAsync(int survivorId, int mergedId, CancellationToken cancellationToken)
    {
        if (survivorId == mergedId)
        {
            return MergeResult.Refused("An actor cannot be merged into itself.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var survivor = await db.Actors.Include(a => a.Aliases).Include(a => a.Affiliations).FirstOrDefaultAsync(a => a.Id == survivorId, cancellationToken);
        var merged = await db.Actors.Include(a => a.Aliases).Include(a => a.Affiliations).FirstOrDefaultAsync(a => a.Id == mergedId, cancellationToken);
        if (survivor is null || merged is null)
        {
            return MergeResult.Refused($"Actor {(survivor is null ? survivorId : mergedId)} does not exist.");
        }

        var names = new HashSet<string>(survivor.Aliases.Select(a => a.Name).Append(survivor.Name), StringComparer.OrdinalIgnoreCase);
        var newAliases = merged.Aliases.Select(a => a.Name).Prepend(merged.Name).Where(names.Add).ToList();
        if (Configurations.ActorAliasConfiguration.Refusal([.. survivor.Aliases.Select(a => a.Name), .. newAliases]) is { } tooMany)
        {
            return MergeResult.Refused($"{survivor.Name} and {merged.Name} cannot be merged: {tooMany} Remove some aliases first.");
        }

        survivor.Aliases.AddRange(newAliases.Select(name => new ActorAlias { Name = name }));

        survivor.Country ??= merged.Country;
        survivor.Description ??= merged.Description;
        survivor.ExternalId ??= merged.ExternalId;
        // The survivor changed (new aliases, maybe new fields): its Version must move on so open edit forms notice.
        db.Entry(survivor).Property(a => a.Version).IsModified = true;

        // Moved through the change tracker, not ExecuteUpdate, so the audit log records each moved row.
        var moved = await db.Mentions.Where(m => m.ActorId == mergedId).ToListAsync(cancellationToken);
        moved.ForEach(m => m.ActorId = survivorId);
        var mentions = moved.Count;
        foreach (var claim in await db.Claims.Where(c => c.ClaimantId == mergedId || c.RelayedById == mergedId).ToListAsync(cancellationToken))
        {
            claim.ClaimantId = claim.ClaimantId == mergedId ? survivorId : claim.ClaimantId;
            claim.RelayedById = claim.RelayedById == mergedId ? survivorId : claim.RelayedById;
        }

        // Links keyed by actor cannot simply be re-pointed: the survivor may already have the same link.
        var roles = await db.IncidentActors.Where(ia => ia.ActorId == mergedId || ia.ActorId == survivorId).ToListAsync(cancellationToken);
        foreach (var role in roles.Where(r => r.ActorId == mergedId))
        {
            db.IncidentActors.Remove(role);
            if (!roles.Any(r => r.ActorId == survivorId && r.IncidentId == role.IncidentId && r.Role == role.Role))
            {
                db.IncidentActors.Add(new IncidentActor { IncidentId = role.IncidentId, ActorId = survivorId, Role = role.Role });
            }
        }

        foreach (var link in merged.Affiliations.Where(l => l.AffiliateId != survivorId))
        {
            if (!survivor.Affiliations.Any(l => l.AffiliateId == link.AffiliateId))
            {
                survivor.Affiliations.Add(new ActorAffiliation { AffiliateId = link.AffiliateId, Relation = link.Relation });
            }
        }

        var incoming = await db.ActorAffiliations.Where(l => l.AffiliateId == mergedId || l.AffiliateId == survivorId).ToListAsync(cancellationToken);
        foreach (var link in incoming.Where(l => l.AffiliateId == mergedId))
        {
            db.ActorAffiliations.Remove(link);
            if (link.ActorId != survivorId && !incoming.Any(l => l.ActorId == link.ActorId && l.AffiliateId == survivorId))
            {
                db.ActorAffiliations.Add(new ActorAffiliation { ActorId = link.ActorId, AffiliateId = survivorId, Relation = link.Relation });
            }
        }

        // Re-pointed rows must no longer count as the merged actor's dependents when it is deleted.
        db.ChangeTracker.DetectChanges();
        db.Actors.Remove(merged);
        return await CompleteAsync(transaction, "Actor", (mergedId, merged.Name), (survivorId, survivor.Name), mentions, cancellationToken);
    }

    public async Task<MergeResult> MergeIncidentsAsync(int survivorId, int mergedId, CancellationToken cancellationToken)
    {
        if (survivorId == mergedId)
        {
            return MergeResult.Refused("An incident cannot be merged into itself.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var survivor = await db.Incidents.Include(i => i.Actors).FirstOrDefaultAsync(i => i.Id == survivorId, cancellationToken);
        var merged = await db.Incidents.Include(i => i.Actors).FirstOrDefaultAsync(i => i.Id == mergedId, cancellationToken);
        if (survivor is null || merged is null)
        {
            return MergeResult.Refused($"Incident {(survivor is null ? survivorId : mergedId)} does not exist.");
        }

        // Incidents have no alias table: the merged title is kept in the notes, where search and readers find it.
        var alsoKnownAs = $"Also reported as: {merged.Title}";
        survivor.Notes = string.IsNullOrWhiteSpace(survivor.Notes) ? alsoKnownAs : $"{survivor.Notes}\n{alsoKnownAs}";
        if (!string.IsNullOrWhiteSpace(merged.Notes))
        {
            survivor.Notes += $"\n{merged.Notes}";
        }

        survivor.Date ??= merged.Date;
        survivor.Location ??= merged.Location;
        survivor.Admin1 ??= merged.Admin1;
        survivor.Country ??= merged.Country;
        survivor.Latitude ??= merged.Latitude;
        survivor.Longitude ??= merged.Longitude;
        survivor.GeoPrecision ??= merged.GeoPrecision;
        survivor.Type ??= merged.Type;
        survivor.SubType ??= merged.SubType;
        survivor.Fatalities ??= merged.Fatalities;

        var moved = await db.Mentions.Where(m => m.IncidentId == mergedId).ToListAsync(cancellationToken);
        moved.ForEach(m => m.IncidentId = survivorId);
        var mentions = moved.Count;
        (await db.Claims.Where(c => c.IncidentId == mergedId).ToListAsync(cancellationToken)).ForEach(c => c.IncidentId = survivorId);
        foreach (var role in merged.Actors.ToList())
        {
            if (!survivor.Actors.Any(r => r.ActorId == role.ActorId && r.Role == role.Role))
            {
                survivor.Actors.Add(new IncidentActor { ActorId = role.ActorId, Role = role.Role });
            }
        }

        db.ChangeTracker.DetectChanges();
        db.Incidents.Remove(merged);
        return await CompleteAsync(transaction, "Incident", (mergedId, merged.Title), (survivorId, survivor.Title), mentions, cancellationToken);
    }

    /// <summary>Records the merge in the audit log, saves and commits everything at once, and logs it.</summary>
    private async Task<MergeResult> CompleteAsync(
        IDbContextTransaction transaction, string type, (int Id, string Name) merged, (int Id, string Name) survivor, int mentions, CancellationToken cancellationToken)
    {
        audit.Merged(db, type, merged.Id, survivor.Id, merged.Name);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Merged {Type} {MergedId} ({MergedName}) into {SurvivorId} ({SurvivorName}); {Mentions} mention(s) moved",
            type, merged.Id, merged.Name, survivor.Id, survivor.Name, mentions);
        return MergeResult.Done(mentions);
    }
}

/// <summary>What a merge did, or why it was refused.</summary>
public sealed record MergeResult(bool Succeeded, string? Error, int MentionsMoved)
{
    public static MergeResult Done(int mentionsMoved) => new(true, null, mentionsMoved);

    public static MergeResult Refused(string error) => new(false, error, 0);
}
