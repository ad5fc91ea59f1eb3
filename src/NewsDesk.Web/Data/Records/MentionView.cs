using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Records;

/// <summary>A mention with the name of the record it points to and its version: what the API returns and the pages list.</summary>
public sealed record MentionView(int Id, int ArticleId, int Start, int End, string Quote, RecordType EntityType, int EntityId, string EntityName, int Version);

/// <summary>The one projection from Mention rows to <see cref="MentionView"/>, shared by the API and the pages.</summary>
public static class MentionQueries
{
    public static IQueryable<MentionView> SelectView(this IQueryable<Mention> mentions) => mentions
        .OrderBy(m => m.ArticleId).ThenBy(m => m.Start).ThenByDescending(m => m.End).ThenBy(m => m.Id)
        .Select(m => new MentionView(
            m.Id,
            m.ArticleId,
            m.Start,
            m.End,
            m.Quote,
            m.ActorId != null ? RecordType.Actor : m.IncidentId != null ? RecordType.Incident : RecordType.Claim,
            m.ActorId ?? m.IncidentId ?? m.ClaimId ?? 0,
            m.Actor != null ? m.Actor.Name : m.Incident != null ? m.Incident.Title : m.Claim!.Text,
            m.Version));

    /// <summary>Points a mention at exactly one record, clearing the other two links.</summary>
    public static void PointTo(this Mention mention, RecordType type, int id)
    {
        mention.ActorId = type == RecordType.Actor ? id : null;
        mention.IncidentId = type == RecordType.Incident ? id : null;
        mention.ClaimId = type == RecordType.Claim ? id : null;
        mention.Actor = null;
        mention.Incident = null;
        mention.Claim = null;
    }
}
