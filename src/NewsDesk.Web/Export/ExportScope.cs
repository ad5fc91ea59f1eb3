using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Export;

/// <summary>
/// The rows a selection holds, as queries every writer starts from (so counts and files always agree).
/// Articles are chosen by the article filters and their mentions kept by the record filters. The records are
/// those the kept mentions point to, plus the records no article mentions that fall in the selection (unless
/// <see cref="ExportSelection.MentionedOnly"/>), and then everything they refer to: the claims of exported
/// incidents, the incidents of exported claims, every actor of those incidents and claims (perpetrators,
/// targets, associates, claimants, relaying outlets) and, actor by actor, the actors they are affiliated with.
/// So every id a file names has its row in the same export (docs/export.md, "What a selection holds").
/// </summary>
public sealed class ExportScope
{
    private readonly IQueryable<Article> _chosen;
    private readonly bool _everything;
    private Task<RecordSets>? _records;

    private ExportScope(
        NewsDeskDbContext db, ExportSelection selection, ExportLinks links, IQueryable<Article> chosen, IQueryable<Article> articles,
        IQueryable<Mention> mentions, bool everything)
    {
        Db = db;
        Selection = selection;
        Links = links;
        _chosen = chosen;
        Articles = articles;
        Mentions = mentions;
        _everything = everything;
    }

    public NewsDeskDbContext Db { get; }
    public ExportSelection Selection { get; }
    public ExportLinks Links { get; }
    public IQueryable<Article> Articles { get; }
    public IQueryable<Mention> Mentions { get; }

    // The records (actors, incidents, claims) are closed over only when a file that lists them asks for them,
    // so an export of articles.csv or mentions.csv alone never pays for the closure.
    public async Task<IQueryable<Actor>> ActorsAsync(CancellationToken cancellationToken) => (await RecordsAsync(cancellationToken)).Actors;

    public async Task<IQueryable<Incident>> IncidentsAsync(CancellationToken cancellationToken) => (await RecordsAsync(cancellationToken)).Incidents;

    public async Task<IQueryable<Claim>> ClaimsAsync(CancellationToken cancellationToken) => (await RecordsAsync(cancellationToken)).Claims;

    public static async Task<ExportScope> CreateAsync(
        NewsDeskDbContext db, ExportSelection selection, ExportLinks links, CancellationToken cancellationToken)
    {
        var chosen = ChooseArticles(db, selection);
        var mentions = KeepMentions(selection, selection.HasArticleFilter ? db.Mentions.Where(m => chosen.Any(a => a.Id == m.ArticleId)) : db.Mentions);
        if (selection.IsEverything)
        {
            return new ExportScope(db, selection, links, chosen, chosen, mentions, everything: true);
        }

        var kept = selection.HasRecordFilter ? chosen.Where(a => mentions.Any(m => m.ArticleId == a.Id)) : chosen;
        // The originals kept articles are near-duplicates of: few, so read as ids, and the article query stays as it was without them.
        var originals = (await kept.Where(k => k.DuplicateOfId != null && !kept.Any(o => o.Id == k.DuplicateOfId))
            .Select(k => k.DuplicateOfId!.Value).Distinct().ToListAsync(cancellationToken)).ToArray();
        var articles = originals.Length == 0 ? kept : db.Articles.Where(a => kept.Any(k => k.Id == a.Id) || EF.Parameter(originals).Contains(a.Id));
        return new ExportScope(db, selection, links, chosen, articles, mentions, everything: false);
    }

    // Single-threaded like the DbContext it queries: the first file that lists records closes them, the others reuse that.
    private Task<RecordSets> RecordsAsync(CancellationToken cancellationToken) =>
        _records ??= _everything
            ? Task.FromResult(new RecordSets(Db.Actors, Db.Incidents, Db.Claims)) // every record is in it: closed as it stands
            : CloseRecordsAsync(cancellationToken);

    private async Task<RecordSets> CloseRecordsAsync(CancellationToken cancellationToken)
    {
        var db = Db;
        var selection = Selection;

        HashSet<int> actorIds, incidentIds, claimIds;
        if (selection.HasArticleFilter)
        {
            // The records the kept mentions point to, in one pass over the chosen articles' mentions. The chosen
            // articles are read first, as ids, so the database starts from them (their mentions by ArticleId) and
            // not from a walk of every mention that looks each one's article up, as a correlated filter lets the
            // planner do (bench/README.md, "Export": 104 s of a 201 s export at a million mentions).
            var articleIds = await _chosen.Select(a => a.Id).ToArrayAsync(cancellationToken);
            (actorIds, incidentIds, claimIds) = ([], [], []);
            var pointedAt = KeepMentions(selection, db.Mentions.Where(m => EF.Parameter(articleIds).Contains(m.ArticleId)))
                .Select(m => new { m.ActorId, m.IncidentId, m.ClaimId }).AsAsyncEnumerable();
            await foreach (var mention in pointedAt.WithCancellation(cancellationToken))
            {
                if (mention.ActorId is { } actorId)
                {
                    actorIds.Add(actorId);
                }
                else if (mention.IncidentId is { } incidentId)
                {
                    incidentIds.Add(incidentId);
                }
                else if (mention.ClaimId is { } claimId)
                {
                    claimIds.Add(claimId);
                }
            }
        }
        else
        {
            // Every article: each record id's own index answers its DISTINCT without reading the mentions' rows.
            var mentions = Mentions;
            actorIds = [.. await mentions.Where(m => m.ActorId != null).Select(m => m.ActorId!.Value).Distinct().ToListAsync(cancellationToken)];
            incidentIds = [.. await mentions.Where(m => m.IncidentId != null).Select(m => m.IncidentId!.Value).Distinct().ToListAsync(cancellationToken)];
            claimIds = [.. await mentions.Where(m => m.ClaimId != null).Select(m => m.ClaimId!.Value).Distinct().ToListAsync(cancellationToken)];
        }

        if (!selection.MentionedOnly)
        {
            incidentIds.UnionWith(await UnmentionedIncidents(db, selection).Select(i => i.Id).ToListAsync(cancellationToken));
            claimIds.UnionWith(await UnmentionedClaims(db, selection).Select(c => c.Id).ToListAsync(cancellationToken));
            actorIds.UnionWith(await UnmentionedActors(db, selection).Select(a => a.Id).ToListAsync(cancellationToken));
        }

        // Claims of exported incidents, incidents of exported claims: one round each reaches the fixpoint, since
        // the claims added have their incidents among the exported ones already.
        var claimIncidents = claimIds.ToArray();
        incidentIds.UnionWith(await db.Claims.Where(c => EF.Parameter(claimIncidents).Contains(c.Id) && c.IncidentId != null)
            .Select(c => c.IncidentId!.Value).ToListAsync(cancellationToken));
        var incidentClaims = incidentIds.ToArray();
        claimIds.UnionWith(await db.Claims.Where(c => c.IncidentId != null && EF.Parameter(incidentClaims).Contains(c.IncidentId.Value))
            .Select(c => c.Id).ToListAsync(cancellationToken));

        var incidentArray = incidentIds.ToArray();
        var claimArray = claimIds.ToArray();
        actorIds.UnionWith(await db.IncidentActors.Where(r => EF.Parameter(incidentArray).Contains(r.IncidentId)).Select(r => r.ActorId).ToListAsync(cancellationToken));
        actorIds.UnionWith((await db.Claims.Where(c => EF.Parameter(claimArray).Contains(c.Id)).Select(c => new { c.ClaimantId, c.RelayedById }).ToListAsync(cancellationToken))
            .SelectMany(c => new[] { c.ClaimantId, c.RelayedById }).OfType<int>());
        await AddAffiliatesAsync(db, actorIds, cancellationToken);

        var actorArray = actorIds.ToArray();
        return new RecordSets(
            db.Actors.Where(a => EF.Parameter(actorArray).Contains(a.Id)),
            db.Incidents.Where(i => EF.Parameter(incidentArray).Contains(i.Id)),
            db.Claims.Where(c => EF.Parameter(claimArray).Contains(c.Id)));
    }

    private sealed record RecordSets(IQueryable<Actor> Actors, IQueryable<Incident> Incidents, IQueryable<Claim> Claims);

    // Id sets go to the database as one parameter (EF.Parameter: a JSON array on SQLite, an array on PostgreSQL):
    // EF Core 10 would otherwise send one SQL parameter per id, which is slow to prepare for every batch and fails
    // beyond SQLite's 32,766 parameters.

    // actors.csv names each actor's affiliates by id, so they come along, and theirs in turn.
    private static async Task AddAffiliatesAsync(NewsDeskDbContext db, HashSet<int> actorIds, CancellationToken cancellationToken)
    {
        var frontier = actorIds.ToArray();
        while (frontier.Length > 0)
        {
            var ids = frontier;
            var affiliates = await db.ActorAffiliations.Where(x => EF.Parameter(ids).Contains(x.ActorId)).Select(x => x.AffiliateId).Distinct().ToListAsync(cancellationToken);
            frontier = [.. affiliates.Where(actorIds.Add)];
        }
    }

    // A record no article mentions is in the selection when the filters could pick it by its own fields: no
    // collection or source filter (it is in none), its type chosen, named by a record filter if one is set,
    // and its own date (an incident's or a claim's) in the date range if one is set; actors have no date.
    private static IQueryable<Incident> UnmentionedIncidents(NewsDeskDbContext db, ExportSelection s)
    {
        if (!s.UnmentionedCanMatch(RecordType.Incident) || (s.HasRecordFilter && s.IncidentIds.Count == 0))
        {
            return db.Incidents.Where(_ => false);
        }

        var incidents = db.Incidents.Where(i => !db.Mentions.Any(m => m.IncidentId == i.Id));
        if (s.IncidentIds.Count > 0)
        {
            var ids = s.IncidentIds.ToArray();
            incidents = incidents.Where(i => ids.Contains(i.Id));
        }

        if (s.From is { } from)
        {
            incidents = incidents.Where(i => i.Date >= from);
        }

        if (s.To is { } to)
        {
            incidents = incidents.Where(i => i.Date <= to);
        }

        return incidents;
    }

    private static IQueryable<Claim> UnmentionedClaims(NewsDeskDbContext db, ExportSelection s)
    {
        if (!s.UnmentionedCanMatch(RecordType.Claim) || (s.HasRecordFilter && s.Assessments.Count == 0))
        {
            return db.Claims.Where(_ => false);
        }

        var claims = db.Claims.Where(c => !db.Mentions.Any(m => m.ClaimId == c.Id));
        if (s.Assessments.Count > 0)
        {
            var assessments = s.Assessments.ToArray();
            claims = claims.Where(c => assessments.Contains(c.Assessment));
        }

        if (s.From is { } from)
        {
            claims = claims.Where(c => c.ClaimDate >= from);
        }

        if (s.To is { } to)
        {
            claims = claims.Where(c => c.ClaimDate <= to);
        }

        return claims;
    }

    private static IQueryable<Actor> UnmentionedActors(NewsDeskDbContext db, ExportSelection s)
    {
        if (!s.UnmentionedCanMatch(RecordType.Actor) || (s.HasRecordFilter && s.ActorIds.Count == 0) || s.From is not null || s.To is not null)
        {
            return db.Actors.Where(_ => false);
        }

        var actors = db.Actors.Where(a => !db.Mentions.Any(m => m.ActorId == a.Id));
        if (s.ActorIds.Count > 0)
        {
            var ids = s.ActorIds.ToArray();
            actors = actors.Where(a => ids.Contains(a.Id));
        }

        return actors;
    }

    private static IQueryable<Article> ChooseArticles(NewsDeskDbContext db, ExportSelection selection)
    {
        var articles = db.Articles.AsQueryable();
        if (selection.CollectionId is { } collectionId)
        {
            articles = articles.Where(a => a.Collections.Any(c => c.CollectionId == collectionId));
        }

        if (selection.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue);
            articles = articles.Where(a => a.PublishedAt >= start);
        }

        if (selection.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue);
            articles = articles.Where(a => a.PublishedAt < end);
        }

        if (selection.SourceIds.Count > 0)
        {
            var sourceIds = selection.SourceIds.ToArray();
            articles = articles.Where(a => a.SourceId != null && sourceIds.Contains(a.SourceId.Value));
        }

        return articles;
    }

    // The record types and record filters, over mentions already narrowed to the chosen articles.
    private static IQueryable<Mention> KeepMentions(ExportSelection selection, IQueryable<Mention> mentions)
    {
        if (selection.RecordTypes.Count > 0)
        {
            var actors = selection.RecordTypes.Contains(RecordType.Actor);
            var incidents = selection.RecordTypes.Contains(RecordType.Incident);
            var claims = selection.RecordTypes.Contains(RecordType.Claim);
            mentions = mentions.Where(m => (actors && m.ActorId != null) || (incidents && m.IncidentId != null) || (claims && m.ClaimId != null));
        }

        if (selection.HasRecordFilter)
        {
            // Record filters add up: a mention stays when it points to any of the chosen records.
            var actorIds = selection.ActorIds.ToArray();
            var incidentIds = selection.IncidentIds.ToArray();
            var assessments = selection.Assessments.ToArray();
            mentions = mentions.Where(m =>
                (m.ActorId != null && actorIds.Contains(m.ActorId.Value))
                || (m.IncidentId != null && incidentIds.Contains(m.IncidentId.Value))
                || (m.ClaimId != null && assessments.Contains(m.Claim!.Assessment)));
        }

        return mentions;
    }
}
