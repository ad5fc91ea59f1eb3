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
        var taken = await SpansAsync(db.Mentions.Where(m => m.ActorId == survivorId), moved, cancellationToken);
        var (mentions, collapsed) = MoveOrCollapse(moved, taken, m => m.ActorId = survivorId);
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
        return await CompleteAsync(transaction, "Actor", (mergedId, merged.Name), (survivorId, survivor.Name), mentions, collapsed, cancellationToken);
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
        var taken = await SpansAsync(db.Mentions.Where(m => m.IncidentId == survivorId), moved, cancellationToken);
        var (mentions, collapsed) = MoveOrCollapse(moved, taken, m => m.IncidentId = survivorId);
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
        return await CompleteAsync(transaction, "Incident", (mergedId, merged.Title), (survivorId, survivor.Title), mentions, collapsed, cancellationToken);
    }

    /// <summary>The spans (article, start, end) the survivor already has in the articles of the mentions to move.</summary>
    private static async Task<HashSet<(int ArticleId, int Start, int End)>> SpansAsync(
        IQueryable<Mention> survivors, List<Mention> moved, CancellationToken cancellationToken)
    {
        var articles = moved.Select(m => m.ArticleId).Distinct().ToList();
        var spans = await survivors.Where(m => articles.Contains(m.ArticleId)).Select(m => new { m.ArticleId, m.Start, m.End }).ToListAsync(cancellationToken);
        return [.. spans.Select(s => (s.ArticleId, s.Start, s.End))];
    }

    /// <summary>
    /// Re-points each mention to the survivor, except one on a span the survivor already has there: that would be an
    /// identical copy (inflating counts and exports), so it is deleted instead, through the tracker so the audit log
    /// keeps it. Returns how many were moved and how many collapsed.
    /// </summary>
    private (int Moved, int Collapsed) MoveOrCollapse(List<Mention> mentions, HashSet<(int ArticleId, int Start, int End)> taken, Action<Mention> pointToSurvivor)
    {
        var collapsed = 0;
        foreach (var mention in mentions)
        {
            if (taken.Add((mention.ArticleId, mention.Start, mention.End)))
            {
                pointToSurvivor(mention);
            }
            else
            {
                db.Mentions.Remove(mention);
                collapsed++;
            }
        }

        return (mentions.Count - collapsed, collapsed);
    }

    /// <summary>Records the merge in the audit log, saves and commits everything at once, and logs it.</summary>
    private async Task<MergeResult> CompleteAsync(IDbContextTransaction transaction, string type, (int Id, string Name) merged, (int Id, string Name) survivor,
        int mentions, int collapsed, CancellationToken cancellationToken)
    {
        audit.Merged(db, type, merged.Id, survivor.Id, merged.Name);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Merged {Type} {MergedId} ({MergedName}) into {SurvivorId} ({SurvivorName}); {Mentions} mention(s) moved, {Collapsed} identical one(s) removed",
            type, merged.Id, merged.Name, survivor.Id, survivor.Name, mentions, collapsed);
        return MergeResult.Done(mentions, collapsed);
    }
}

/// <summary>
/// What a merge did, or why it was refused. <see cref="MentionsCollapsed"/> counts the merged record's mentions that
/// were identical to one of the survivor's (same article and span) and were removed rather than duplicated.
/// </summary>
public sealed record MergeResult(bool Succeeded, string? Error, int MentionsMoved, int MentionsCollapsed = 0)
{
    public static MergeResult Done(int mentionsMoved, int mentionsCollapsed = 0) => new(true, null, mentionsMoved, mentionsCollapsed);

    public static MergeResult Refused(string error) => new(false, error, 0);
}
