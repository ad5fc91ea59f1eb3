using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Suggestions;
using NewsDesk.Web.Suggestions.Matching;

namespace NewsDesk.Web.Watchlists;

/// <summary>
/// Flags a newly stored article for every watch it matches: a followed actor found by the same alias automaton as
/// suggestions (so "Hezbollah" inside "Kataib Hezbollah" is not a Hezbollah hit), or a saved search whose words all
/// occur. Runs at ingest, right after the article's own commit; saves the hits in one SaveChanges.
/// </summary>
public sealed class WatchlistMatcher(NewsDeskDbContext db, AliasCatalog catalog, TimeProvider clock, ILogger<WatchlistMatcher> logger)
{
    /// <summary>Records the article's hits; returns how many.</summary>
    public Task<int> ArticleArrivedAsync(int articleId, string title, string text, CancellationToken cancellationToken) =>
        ArticlesArrivedAsync([(articleId, title, text)], cancellationToken);

    /// <summary>
    /// Records the hits of a batch of new articles in one SaveChanges; returns how many. The watches are read once
    /// per batch, not once per article (the scraper stores articles in batches).
    /// </summary>
    public async Task<int> ArticlesArrivedAsync(IReadOnlyList<(int Id, string Title, string Text)> articles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articles);
        if (articles.Count == 0)
        {
            return 0;
        }

        var watches = await db.Watches.AsNoTracking().Select(w => new { w.Id, w.ActorId, w.Query }).ToListAsync(cancellationToken);
        if (watches.Count == 0)
        {
            return 0;
        }

        var index = watches.Any(w => w.ActorId is not null) ? await catalog.CurrentAsync(db, cancellationToken) : null;
        var now = clock.GetUtcNow().UtcDateTime;
        var hits = new List<WatchHit>();
        foreach (var (articleId, title, text) in articles)
        {
            var firstOffsetByActor = new Dictionary<int, int>();
            if (index is not null)
            {
                foreach (var match in index.Find(text).Matches.Concat(index.Find(title).Matches.Select(m => m with { Start = 0 })))
                {
                    foreach (var candidate in match.Candidates)
                    {
                        firstOffsetByActor.TryAdd(candidate.ActorId, match.Start);
                    }
                }
            }

            var foldedText = SavedSearch.Fold(title + "\n" + text);
            var articleHits = 0;
            foreach (var watch in watches)
            {
                int? offset = null;
                if (watch.ActorId is { } actorId)
                {
                    if (!firstOffsetByActor.TryGetValue(actorId, out var first))
                    {
                        continue;
                    }

                    offset = first;
                }
                else if (watch.Query is null || !SavedSearch.Matches(watch.Query, foldedText))
                {
                    continue;
                }

                var hit = new WatchHit { WatchId = watch.Id, ArticleId = articleId, FoundAt = now, FirstOffset = offset };
                db.WatchHits.Add(hit);
                hits.Add(hit);
                articleHits++;
            }

            if (articleHits > 0)
            {
                logger.LogInformation("Article {ArticleId} matched {Hits} watches", articleId, articleHits);
            }

        }

        if (hits.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            // The scraper's context lives for a whole fetch: tracked hits would pile up batch after batch.
            foreach (var hit in hits)
            {
                db.Entry(hit).State = EntityState.Detached;
            }
        }

        return hits.Count;
    }
}

/// <summary>A saved search for a watch: words that must all occur as whole words, folded as suggestions fold.</summary>
public static class SavedSearch
{
    public static string Fold(string text) => MatchFolding.Fold(text).Text;

    public static IReadOnlyList<string> Words(string query) =>
        [.. Fold(query).Split([' ', '"', ',', ';'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Any(MatchFolding.IsWordChar)).Distinct()];

    public static bool Matches(string query, string foldedText)
    {
        var words = Words(query);
        return words.Count > 0 && words.All(w => ContainsWord(foldedText, w));
    }

    private static bool ContainsWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var end = at + word.Length;
            if ((at == 0 || !MatchFolding.IsWordChar(text[at - 1])) && (end == text.Length || !MatchFolding.IsWordChar(text[end])))
            {
                return true;
            }
        }

        return false;
    }
}
