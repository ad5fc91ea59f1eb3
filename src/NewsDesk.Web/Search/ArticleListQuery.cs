using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.TextSearch;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Search;

/// <summary>
/// The article list behind the home page and <c>GET /api/articles</c>: search and filters combined, a page at
/// a time with keyset paging (a cursor, never OFFSET), so deep pages stay fast and new arrivals shift nothing.
/// </summary>
public sealed class ArticleListQuery(NewsDeskDbContext db, IArticleTextSearch textSearch)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public async Task<ArticleListPage> RunAsync(ArticleFilter filter, string? after, int pageSize, CancellationToken cancellationToken)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var articles = Filtered(filter);
        if (!filter.HasQuery)
        {
            return await ByDateAsync(articles, after, pageSize, cancellationToken);
        }

        try
        {
            return await ByRankAsync(articles, filter.Q!, after, pageSize, note: null, cancellationToken);
        }
        catch (Exception ex) when (textSearch.IsSyntaxError(ex))
        {
            // A query the search syntax cannot parse is searched for word by word instead of failing.
            var literal = LiteralQuery(filter.Q!);
            var note = $"The search \"{filter.Q}\" is not valid search syntax (check quotes and operators); showing articles containing its words instead.";
            if (literal.Length == 0)
            {
                return new ArticleListPage([], null, note);
            }

            return await ByRankAsync(articles, literal, after, pageSize, note, cancellationToken);
        }
    }

    /// <summary>Every word quoted as a phrase of its own: no operator, quote or bracket can break the syntax.</summary>
    public static string LiteralQuery(string query) => string.Join(' ', query
        .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
        .Select(word => word.Trim('"', '(', ')', '*', '^', ':', '{', '}'))
        .Where(word => word.Length > 0)
        .Select(word => $"\"{word.Replace("\"", "\"\"", StringComparison.Ordinal)}\""));

    private IQueryable<Article> Filtered(ArticleFilter filter)
    {
        var articles = db.Articles.AsNoTracking();
        if (filter.Source is { } source)
        {
            articles = articles.Where(a => a.SourceId == source);
        }

        if (!string.IsNullOrWhiteSpace(filter.Site))
        {
            articles = articles.Where(a => a.SiteName == filter.Site);
        }

        if (!string.IsNullOrWhiteSpace(filter.Language))
        {
            articles = articles.Where(a => a.Language == filter.Language);
        }

        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            articles = articles.Where(a => a.PublishedAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            articles = articles.Where(a => a.PublishedAt < end);
        }

        if (filter.Annotated is { } annotated)
        {
            articles = articles.Where(a => a.Mentions.Any() == annotated);
        }

        if (filter.Actor is { } actor)
        {
            articles = articles.Where(a => a.Mentions.Any(m => m.ActorId == actor));
        }

        if (filter.Incident is { } incident)
        {
            articles = articles.Where(a => a.Mentions.Any(m => m.IncidentId == incident));
        }

        if (filter.Claim is { } claim)
        {
            articles = articles.Where(a => a.Mentions.Any(m => m.ClaimId == claim));
        }

        if (filter.Collection is { } collection)
        {
            articles = articles.Where(a => a.Collections.Any(c => c.CollectionId == collection));
        }

        if (filter.State is { } state)
        {
            articles = state == ArticleState.New
                ? articles.Where(a => a.Review == null || a.Review.State == ArticleState.New)
                : articles.Where(a => a.Review != null && a.Review.State == state);
        }

        if (!string.IsNullOrWhiteSpace(filter.Assignee))
        {
            articles = articles.Where(a => a.Review != null && a.Review.Assignee == filter.Assignee);
        }

        if (!string.IsNullOrWhiteSpace(filter.QueueOf))
        {
            // The reviews' own definition of a queue, as a subquery: the list opens exactly what the menu counts.
            var waiting = db.ArticleReviews.WaitingFor(filter.QueueOf);
            articles = articles.Where(a => waiting.Any(r => r.ArticleId == a.Id));
        }

        if (!string.IsNullOrWhiteSpace(filter.WatchedBy))
        {
            articles = articles.Where(a => db.WatchHits.Any(h => h.ArticleId == a.Id && h.Watch!.Owner == filter.WatchedBy));
        }

        return articles;
    }

    // Newest first (undated last), id as tie-breaker; the cursor is the last row's (published, id). Dated and undated
    // rows are read apart because engines disagree on where NULLs go in a descending sort (SQLite: last; PostgreSQL:
    // first), and each half is a plain range on the (PublishedAt, Id) index on both.
    private static async Task<ArticleListPage> ByDateAsync(IQueryable<Article> articles, string? after, int pageSize, CancellationToken cancellationToken)
    {
        var cursor = DateCursor.TryParse(after, out var parsed) ? parsed : null;
        var rows = new List<ArticleListItem>();
        if (cursor is null || cursor.PublishedAt is not null)
        {
            var dated = articles.Where(a => a.PublishedAt != null);
            if (cursor?.PublishedAt is { } at)
            {
                dated = dated.Where(a => a.PublishedAt < at || (a.PublishedAt == at && a.Id < cursor.Id));
            }

            rows.AddRange(await ItemsAsync(dated.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id), pageSize + 1, cancellationToken));
        }

        if (rows.Count <= pageSize)
        {
            var undated = articles.Where(a => a.PublishedAt == null);
            if (cursor is { PublishedAt: null })
            {
                undated = undated.Where(a => a.Id < cursor.Id);
            }

            rows.AddRange(await ItemsAsync(undated.OrderByDescending(a => a.Id), pageSize + 1 - rows.Count, cancellationToken));
        }

        var next = rows.Count > pageSize ? new DateCursor(rows[pageSize - 1].Published.At, rows[pageSize - 1].Id).ToString() : null;
        return new ArticleListPage(rows.Take(pageSize).ToList(), next, null);
    }

    private static Task<List<ArticleListItem>> ItemsAsync(IQueryable<Article> ordered, int take, CancellationToken cancellationToken) => ordered
        .Take(take)
        .Select(a => new ArticleListItem(
            a.Id, a.Title, a.Url, a.SiteName, a.Language,
            new PublishedDate(a.PublishedAt, a.PublishedUtcOffsetMinutes, a.PublishedPrecision),
            a.Lead, a.Mentions.Count, null))
        .ToListAsync(cancellationToken);

    // Best match first (bm25 rank), id as tie-breaker; the cursor is the last row's (rank, id).
    private async Task<ArticleListPage> ByRankAsync(IQueryable<Article> articles, string query, string? after, int pageSize, string? note, CancellationToken cancellationToken)
    {
        var matches = textSearch.Match(query);
        if (RankCursor.TryParse(after, out var cursor))
        {
            matches = matches.Where(m => m.Rank > cursor.Rank || (m.Rank == cursor.Rank && m.ArticleId > cursor.Id));
        }

        // Rank and id first, details only for the page's rows: whatever the select list computes (mention counts)
        // would otherwise be computed for every match before the sort.
        var rows = await matches
            .Join(articles, m => m.ArticleId, a => a.Id, (m, a) => new { m.Rank, a.Id })
            .OrderBy(x => x.Rank).ThenBy(x => x.Id)
            .Take(pageSize + 1)
            .ToListAsync(cancellationToken);

        var page = rows.Take(pageSize).ToList();
        var ids = page.Select(r => r.Id).ToList();
        var details = await db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new ArticleListItem(
                a.Id, a.Title, a.Url, a.SiteName, a.Language,
                new PublishedDate(a.PublishedAt, a.PublishedUtcOffsetMinutes, a.PublishedPrecision),
                "", a.Mentions.Count, null))
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        var snippets = await textSearch.SnippetsAsync(query, ids, cancellationToken);
        var items = page.Where(r => details.ContainsKey(r.Id)).Select(r => details[r.Id] with
        {
            Snippet = snippets.GetValueOrDefault(r.Id, ""),
            Highlighted = true,
        }).ToList();
        var next = rows.Count > pageSize ? new RankCursor(page[^1].Rank, page[^1].Id).ToString() : null;
        return new ArticleListPage(items, next, note);
    }

    private sealed record DateCursor(DateTime? PublishedAt, int Id)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"d{PublishedAt?.Ticks.ToString(CultureInfo.InvariantCulture) ?? "-"}_{Id}");

        public static bool TryParse(string? text, out DateCursor cursor)
        {
            cursor = null!;
            if (text is not ['d', .. var rest] || rest.Split('_') is not [var ticks, var id]
                || !int.TryParse(id, CultureInfo.InvariantCulture, out var articleId))
            {
                return false;
            }

            if (ticks == "-")
            {
                cursor = new DateCursor(null, articleId);
                return true;
            }

            if (!long.TryParse(ticks, CultureInfo.InvariantCulture, out var value) || value < 0 || value > DateTime.MaxValue.Ticks)
            {
                return false;
            }

            cursor = new DateCursor(new DateTime(value, DateTimeKind.Utc), articleId);
            return true;
        }
    }

    private sealed record RankCursor(double Rank, int Id)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"r{Rank:R}_{Id}");

        public static bool TryParse(string? text, out RankCursor cursor)
        {
            cursor = null!;
            if (text is not ['r', .. var rest] || rest.Split('_') is not [var rank, var id]
                || !double.TryParse(rank, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                || !int.TryParse(id, CultureInfo.InvariantCulture, out var articleId))
            {
                return false;
            }

            cursor = new RankCursor(value, articleId);
            return true;
        }
    }
}

/// <summary>One page of the article list, the cursor for the next page (null at the end), and a note for the reader.</summary>
public sealed record ArticleListPage(IReadOnlyList<ArticleListItem> Items, string? Next, string? Note);

/// <summary>
/// An article as listed. <see cref="Snippet"/> is the opening of the text, or, for a search (<see cref="Highlighted"/>),
/// an excerpt with matched terms between <see cref="Search.Snippet.Open"/> and <see cref="Search.Snippet.Close"/> markers.
/// </summary>
public sealed record ArticleListItem(
    int Id, string Title, string Url, string? SiteName, string? Language, PublishedDate Published, string Snippet, int MentionCount, bool? Highlighted);
