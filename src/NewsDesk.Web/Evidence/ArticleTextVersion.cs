using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Evidence;

/// <summary>Which version an article's current text is, so a new mention records the version it was made on.</summary>
public static class ArticleTextVersion
{
    /// <summary>The latest version with exactly this text; 1 when the article has no versions (imported, or older).</summary>
    public static async Task<int> OfAsync(NewsDeskDbContext db, int articleId, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var digest = TextDigest.Of(text);
        return await db.ArticleVersions.Where(v => v.ArticleId == articleId && v.TextSha256 == digest)
            .MaxAsync(v => (int?)v.Number, cancellationToken) ?? 1;
    }
}
