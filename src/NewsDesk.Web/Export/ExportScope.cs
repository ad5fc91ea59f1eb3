using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Export;

/// <summary>
/// The rows a selection holds, as queries every CSV writer starts from (so counts and files always agree):
/// articles chosen by the article filters; their mentions kept by the record filters; the actors, incidents
/// and claims those mentions point to. When a record filter is set, only articles with a kept mention remain.
/// </summary>
public sealed class ExportScope
{
    public ExportScope(NewsDeskDbContext db, ExportSelection selection)
    {
        Db = db;
        Selection = selection;

        var chosen = ChooseArticles(db, selection);
        var mentions = KeepMentions(db, selection, chosen);
        Mentions = mentions;
        Articles = selection.HasRecordFilter ? chosen.Where(a => mentions.Any(m => m.ArticleId == a.Id)) : chosen;
        Actors = db.Actors.Where(a => mentions.Any(m => m.ActorId == a.Id));
        Incidents = db.Incidents.Where(i => mentions.Any(m => m.IncidentId == i.Id));
        Claims = db.Claims.Where(c => mentions.Any(m => m.ClaimId == c.Id));
    }

    public NewsDeskDbContext Db { get; }
    public ExportSelection Selection { get; }
    public IQueryable<Article> Articles { get; }
    public IQueryable<Mention> Mentions { get; }
    public IQueryable<Actor> Actors { get; }
    public IQueryable<Incident> Incidents { get; }
    public IQueryable<Claim> Claims { get; }

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

    private static IQueryable<Mention> KeepMentions(NewsDeskDbContext db, ExportSelection selection, IQueryable<Article> chosen)
    {
        var mentions = db.Mentions.AsQueryable();
        var articleFiltered = selection.CollectionId is not null || selection.From is not null || selection.To is not null
            || selection.SourceIds.Count > 0;
        if (articleFiltered)
        {
            mentions = mentions.Where(m => chosen.Any(a => a.Id == m.ArticleId));
        }

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
