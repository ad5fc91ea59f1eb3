using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Records;

/// <summary>A mention as a keyword-in-context line: the article, some text before, the quote, some text after.</summary>
public sealed record KwicLine(int MentionId, int ArticleId, string ArticleTitle, DateTime? PublishedAt, int Start, string Before, string Quote, string After);

public static class KwicQueries
{
    private const int Context = 70;

    /// <summary>Cuts the context in the database (substr), so a 5 MB article is never loaded for one line.</summary>
    public static IQueryable<KwicLine> SelectKwic(this IQueryable<Mention> mentions) => mentions
        .OrderByDescending(m => m.Article!.PublishedAt).ThenBy(m => m.ArticleId).ThenBy(m => m.Start)
        .Select(m => new KwicLine(
            m.Id,
            m.ArticleId,
            m.Article!.Title,
            m.Article.PublishedAt,
            m.Start,
            m.Start > Context ? m.Article.Text.Substring(m.Start - Context, Context) : m.Article.Text.Substring(0, m.Start),
            m.Quote,
            m.Article.Text.Substring(m.End, Context)));
}
