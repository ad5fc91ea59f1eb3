using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Places;
using NewsDesk.Web.Suggestions.Claims;
using NewsDesk.Web.Suggestions.Cues;
using NewsDesk.Web.Suggestions.Matching;

namespace NewsDesk.Web.Suggestions;

/// <summary>
/// Computes one article's suggestions on request (they are never stored): actor names from the alias automaton,
/// attributions from the rules, minus what is already tagged and what an editor rejected in this article.
/// </summary>
public sealed class ArticleSuggester(
    NewsDeskDbContext db, AliasCatalog catalog, Gazetteer gazetteer, IOptions<SuggestionOptions> options, ILogger<ArticleSuggester> logger)
{
    /// <summary>The article's suggestions, or null when there is no such article.</summary>
    public async Task<ArticleSuggestions?> ForArticleAsync(int articleId, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == articleId).Select(a => new { a.Text }).FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return null;
        }

        var cap = options.Value.MaxPerArticle;
        var index = await catalog.CurrentAsync(db, cancellationToken);
        var names = index.Find(article.Text, cap);
        var mentions = await db.Mentions.AsNoTracking().Where(m => m.ArticleId == articleId)
            .Select(m => new { m.Start, m.End, m.ActorId, m.ClaimId, m.IncidentId }).ToListAsync(cancellationToken);
        var rejected = await db.SuggestionDecisions.AsNoTracking().Where(d => d.ArticleId == articleId && d.Verdict == SuggestionVerdict.Rejected)
            .Select(d => new { d.Start, d.End, d.RecordType, d.ActorId }).ToListAsync(cancellationToken);
        var rejectedActors = rejected.Where(r => r.RecordType == RecordType.Actor && r.ActorId is not null).Select(r => r.ActorId!.Value).ToHashSet();
        var rejectedSpans = rejected.Where(r => r.ActorId is null).Select(r => (r.Start, r.End, r.RecordType)).ToHashSet();

        var suggestions = new List<Suggestion>();
        foreach (var match in names.Matches)
        {
            if (rejectedSpans.Contains((match.Start, match.End, RecordType.Actor)))
            {
                continue;
            }

            // A name already tagged (on this span or one around it) with one of its actors is done.
            var candidates = match.Candidates
                .Where(c => !rejectedActors.Contains(c.ActorId))
                .Where(c => !mentions.Any(m => m.ActorId == c.ActorId && m.Start < match.End && m.End > match.Start))
                .Select(c => new SuggestionCandidate(c.ActorId, c.ActorName)).ToList();
            if (candidates.Count == 0 || (match.IsAmbiguous && candidates.Count < match.Candidates.Count && mentions.Any(m => m.ActorId is not null && m.Start == match.Start && m.End == match.End)))
            {
                continue;
            }

            var alias = match.Candidates[0].Alias;
            var reason = candidates.Count > 1 ? $"\u201c{alias}\u201d is a name of {candidates.Count} actors" : $"\u201c{alias}\u201d is a name of {candidates[0].Name}";
            suggestions.Add(new Suggestion(match.Start, match.End, match.Quote, RecordType.Actor, candidates.Count == 1 ? candidates[0].EntityId : null, candidates, reason));
        }

        foreach (var attribution in AttributionRules.Find(article.Text, names.Matches, cap))
        {
            if (rejectedSpans.Contains((attribution.Start, attribution.End, RecordType.Claim))
                || mentions.Any(m => m.ClaimId is not null && m.Start < attribution.End && m.End > attribution.Start))
            {
                continue;
            }

            var claimant = attribution.Claimant is { Candidates.Count: 1 } known ? known.Candidates[0] : null;
            var denies = attribution.Kind == ClaimKind.Denial ? await DeniableClaimsAsync(attribution, mentions.Where(m => m.IncidentId is not null).Select(m => (m.Start, m.End, m.IncidentId!.Value)), article.Text, cancellationToken) : null;
            suggestions.Add(new Suggestion(
                attribution.Start, attribution.End, article.Text[attribution.Start..attribution.End], RecordType.Claim, null, [], $"attribution: {attribution.Reason}",
                attribution.Kind, new SuggestionSpan(attribution.ClaimantStart, attribution.ClaimantEnd), claimant?.ActorId, denies));
        }

        suggestions.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        if (names.Capped)
        {
            logger.LogWarning("Article {ArticleId}: {Total} name matches, only the first {Cap} suggested", articleId, names.Total, cap);
        }

        return new ArticleSuggestions(suggestions, names.Total, names.Capped);
    }

    /// <summary>Dates and places in the article, each with its sentence, for an incident tagged there.</summary>
    public async Task<IReadOnlyList<IncidentCue>?> CuesAsync(int articleId, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == articleId).Select(a => new { a.Text, a.PublishedAt }).FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return null;
        }

        var sentences = Sentences.Split(article.Text).ToList();
        (int, int) SentenceOf(int offset) => sentences.FirstOrDefault(s => s.Start <= offset && offset < s.End);

        var cap = options.Value.MaxPerArticle;
        var cues = new List<IncidentCue>();
        foreach (var date in DateCues.Find(article.Text, article.PublishedAt is { } at ? DateOnly.FromDateTime(at) : null, cap))
        {
            var (start, end) = SentenceOf(date.Start);
            cues.Add(new IncidentCue(date.Start, date.End, date.Quote, "date", start, end, Date: date.Date, Precision: date.Precision));
        }

        foreach (var place in PlaceCues.Find(article.Text, gazetteer, cap))
        {
            var (start, end) = SentenceOf(place.Start);
            cues.Add(new IncidentCue(place.Start, place.End, place.Quote, place.IsCountry ? "country" : "place", start, end,
                Place: place.Name, Country: place.Country, Admin1: place.Admin1, Latitude: place.Latitude, Longitude: place.Longitude));
        }

        return [.. cues.OrderBy(c => c.Start)];
    }

    // A denial may deny a claim about an incident tagged in the same paragraph.
    private async Task<IReadOnlyList<SuggestionCandidate>> DeniableClaimsAsync(
        Attribution denial, IEnumerable<(int Start, int End, int IncidentId)> incidentMentions, string text, CancellationToken cancellationToken)
    {
        var paragraphStart = text.LastIndexOf("\n\n", Math.Max(0, denial.Start - 1), StringComparison.Ordinal) is var p and >= 0 ? p : 0;
        var paragraphEnd = text.IndexOf("\n\n", denial.End, StringComparison.Ordinal) is var q and >= 0 ? q : text.Length;
        var incidents = incidentMentions.Where(m => m.Start >= paragraphStart && m.End <= paragraphEnd).Select(m => m.IncidentId).Distinct().ToList();
        if (incidents.Count == 0)
        {
            return [];
        }

        return await db.Claims.AsNoTracking()
            .Where(c => c.IncidentId != null && incidents.Contains(c.IncidentId.Value) && c.Kind != ClaimKind.Denial)
            .OrderBy(c => c.Id).Take(20)
            .Select(c => new SuggestionCandidate(c.Id, c.Text)).ToListAsync(cancellationToken);
    }
}

/// <summary>Suggestion limits, section <c>Suggestions</c>.</summary>
public sealed class SuggestionOptions
{
    /// <summary>Name matches and attributions suggested in one article at most: a hostile text of 100,000 names stays bounded.</summary>
    public int MaxPerArticle { get; set; } = 2_000;
}
