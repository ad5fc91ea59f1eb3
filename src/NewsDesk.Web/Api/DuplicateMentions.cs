using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Records;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Api;

/// <summary>
/// A mention identical to an existing one (same article, same [start, end), same record) adds nothing but inflated
/// counts and exports: it is refused with 409 naming the existing mention. Unique indexes back this up.
/// </summary>
public static class DuplicateMentions
{
    /// <summary>The existing mention identical to the one described, other than <paramref name="exceptId"/>, or null.</summary>
    /// <remarks>Call it inside the write transaction that saves the mention, so nobody can add the copy in between.</remarks>
    public static Task<MentionView?> FindAsync(NewsDeskDbContext db, int articleId, int start, int end, RecordType type, int recordId, int? exceptId,
        CancellationToken cancellationToken)
    {
        Expression<Func<Mention, bool>> sameRecord = type switch
        {
            RecordType.Actor => m => m.ActorId == recordId,
            RecordType.Incident => m => m.IncidentId == recordId,
            _ => m => m.ClaimId == recordId,
        };
        var except = exceptId ?? 0;
        return db.Mentions.AsNoTracking()
            .Where(m => m.ArticleId == articleId && m.Start == start && m.End == end && m.Id != except)
            .Where(sameRecord)
            .SelectView()
            .FirstOrDefaultAsync(cancellationToken);
    }

    public static IResult Problem(MentionView existing) => Results.Problem(
        title: "This span is already tagged with this record.",
        detail: $"\u201c{existing.Quote}\u201d [{existing.Start}, {existing.End}) is already mention {existing.Id} of {existing.EntityType.ToString().ToLowerInvariant()} "
            + $"\u201c{existing.EntityName}\u201d. Nothing was saved.",
        statusCode: StatusCodes.Status409Conflict,
        extensions: new Dictionary<string, object?> { ["problem"] = "duplicateMention", ["existing"] = existing });
}
