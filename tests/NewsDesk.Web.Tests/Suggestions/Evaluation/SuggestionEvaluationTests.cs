using System.Globalization;
using System.Text.Json;
using NewsDesk.Web.Suggestions.Claims;
using NewsDesk.Web.Suggestions.Matching;
using Xunit.Abstractions;

namespace NewsDesk.Web.Tests.Suggestions.Evaluation;

/// <summary>
/// Precision and recall of actor and claim suggestions on the project's own evaluation set: twelve news-style
/// articles (English and Arabic) about fictional actors, each annotated by hand (articles.json, knowledge-base.json).
/// An actor suggestion is right when its span and actor equal an expected mention; an attribution when its claimant
/// span overlaps the expected claimant and its quote span the expected quote. The figures go to bench/README.md.
/// </summary>
public class SuggestionEvaluationTests(ITestOutputHelper output)
{
    private static string Data(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Suggestions", "Evaluation", file));

    private sealed record Expected(string Id, string Text, List<(int Start, int End, string Actor)> Actors, List<((int, int) Claimant, (int, int) Quote)> Claims);

    private static (AliasIndex Index, List<Expected> Articles) Load()
    {
        var entries = new List<AliasEntry>();
        var id = 0;
        foreach (var actor in JsonDocument.Parse(Data("knowledge-base.json")).RootElement.EnumerateArray())
        {
            id++;
            var name = actor.GetProperty("name").GetString()!;
            entries.Add(new AliasEntry(id, name, name));
            entries.AddRange(actor.GetProperty("aliases").EnumerateArray().Select(a => new AliasEntry(id, name, a.GetString()!)));
        }

        var articles = new List<Expected>();
        foreach (var article in JsonDocument.Parse(Data("articles.json")).RootElement.EnumerateArray())
        {
            var text = article.GetProperty("text").GetString()!;
            var cursor = 0;
            var actors = new List<(int, int, string)>();
            foreach (var pair in article.GetProperty("actors").EnumerateArray())
            {
                // Listed in reading order: each quote is looked for after the previous expected mention.
                var quote = pair[0].GetString()!;
                var start = WholeWord(text, quote, cursor);
                Assert.True(start >= 0, $"{article.GetProperty("id")}: \"{quote}\" not found after {cursor}");
                actors.Add((start, start + quote.Length, pair[1].GetString()!));
                cursor = start + quote.Length;
            }

            var claims = article.GetProperty("claims").EnumerateArray().Select(pair =>
            {
                var quote = Span(text, pair[1].GetString()!);
                return (Nearest(text, pair[0].GetString()!, quote), quote);
            }).ToList();
            articles.Add(new Expected(article.GetProperty("id").GetString()!, text, actors, claims));
        }

        return (AliasIndex.Build(entries), articles);
    }

    private static (int, int) Span(string text, string quote)
    {
        var start = text.IndexOf(quote, StringComparison.Ordinal);
        Assert.True(start >= 0, $"\"{quote}\" is not in the text");
        return (start, start + quote.Length);
    }

    // The next occurrence as a whole word ("Varonia" is not the start of "Varonian").
    private static int WholeWord(string text, string quote, int from)
    {
        for (var at = text.IndexOf(quote, from, StringComparison.Ordinal); at >= 0; at = text.IndexOf(quote, at + 1, StringComparison.Ordinal))
        {
            var end = at + quote.Length;
            if (StartsWord(text, at) && (end == text.Length || !char.IsLetter(text[end])))
            {
                return at;
            }
        }

        return -1;
    }

    // Arabic writes "for", "and", "with"… as one or two letters joined to the next word (لقناة الساحل: "to Sahel TV"):
    // the name still starts a word there, as an Arabic reader (and the matcher) takes it.
    private static bool StartsWord(string text, int at)
    {
        for (var clitics = 0; clitics <= 2 && at - clitics >= 0; clitics++)
        {
            var before = at - clitics;
            if (before == 0 || !char.IsLetter(text[before - 1]))
            {
                return true;
            }

            if (!(text[before - 1] is '\u0648' or '\u0641' or '\u0628' or '\u0644' or '\u0643'))
            {
                return false;
            }
        }

        return false;
    }

    // The claimant's occurrence closest to its quote (a name may also occur earlier in the article).
    private static (int, int) Nearest(string text, string claimant, (int Start, int End) quote)
    {
        var best = -1;
        for (var at = WholeWord(text, claimant, 0); at >= 0; at = WholeWord(text, claimant, at + 1))
        {
            if (best < 0 || Math.Abs(at - quote.Start) < Math.Abs(best - quote.Start))
            {
                best = at;
            }
        }

        Assert.True(best >= 0, $"\"{claimant}\" is not in the text");
        return (best, best + claimant.Length);
    }

    private static bool Overlap((int Start, int End) a, int start, int end) => a.Start < end && a.End > start;

    [Fact]
    public void Actor_and_attribution_suggestions_meet_the_precision_and_recall_targets()
    {
        var (index, articles) = Load();
        int actorFound = 0, actorRight = 0, actorExpected = 0, claimFound = 0, claimRight = 0, claimExpected = 0, claimRecalled = 0;
        foreach (var article in articles)
        {
            var matches = index.Find(article.Text).Matches;
            actorExpected += article.Actors.Count;
            foreach (var match in matches)
            {
                actorFound++;
                var right = article.Actors.Any(e => e.Start == match.Start && e.End == match.End && match.Candidates.Count == 1 && match.Candidates[0].ActorName == e.Actor);
                actorRight += right ? 1 : 0;
                if (!right)
                {
                    output.WriteLine($"{article.Id}: actor false positive \"{match.Quote}\"");
                }
            }

            var attributions = AttributionRules.Find(article.Text, matches);
            claimExpected += article.Claims.Count;
            claimFound += attributions.Count;
            foreach (var a in attributions)
            {
                var right = article.Claims.Any(e => Overlap(e.Claimant, a.ClaimantStart, a.ClaimantEnd) && Overlap(e.Quote, a.QuoteStart, a.QuoteEnd));
                claimRight += right ? 1 : 0;
                if (!right)
                {
                    output.WriteLine($"{article.Id}: attribution false positive: {article.Text[a.ClaimantStart..a.ClaimantEnd]} / {article.Text[a.QuoteStart..a.QuoteEnd]}");
                }
            }

            foreach (var e in article.Claims)
            {
                var recalled = attributions.Any(a => Overlap(e.Claimant, a.ClaimantStart, a.ClaimantEnd) && Overlap(e.Quote, a.QuoteStart, a.QuoteEnd));
                claimRecalled += recalled ? 1 : 0;
                if (!recalled)
                {
                    output.WriteLine($"{article.Id}: attribution missed: {article.Text[e.Claimant.Item1..e.Claimant.Item2]} / {article.Text[e.Quote.Item1..e.Quote.Item2]}");
                }
            }

        }

        var actorRecalled = articles.Sum(article =>
        {
            var matches = index.Find(article.Text).Matches;
            return article.Actors.Count(e => matches.Any(m => m.Start == e.Start && m.End == e.End && m.Candidates.Any(c => c.ActorName == e.Actor)));
        });
        static double P(int right, int found) => found == 0 ? 0 : (double)right / found;
        var actorP = P(actorRight, actorFound);
        var actorR = P(actorRecalled, actorExpected);
        var claimP = P(claimRight, claimFound);
        var claimR = P(claimRecalled, claimExpected);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{articles.Count} articles; actors: {actorFound} suggested, {actorRight} right, {actorExpected} expected: P {actorP:F3} R {actorR:F3}; attributions: {claimFound} suggested, {claimRight} right, {claimExpected} expected: P {claimP:F3} R {claimR:F3}"));

        Assert.True(articles.Count >= 10);
        Assert.True(actorP >= 0.95 && actorR >= 0.95, $"actors: P {actorP:F3}, R {actorR:F3} (targets 0.95 / 0.95)");
        Assert.True(claimP >= 0.85 && claimR >= 0.75, $"attributions: P {claimP:F3}, R {claimR:F3} (targets 0.85 / 0.75)");
    }
}
