using System.Text.RegularExpressions;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Suggestions.Matching;

namespace NewsDesk.Web.Suggestions.Claims;

/// <summary>
/// Finds attributions by rules of reported speech and sourcing, in English and Arabic: "X said/claimed/denied/warned
/// (that) …", "… ," X said", "according to X", "in a statement carried by X", "X, citing Y"; قال/أعلن/نفى/أكد/اتهم/هدد
/// (إن/أن …), بحسب/وفقاً لـ/نقلاً عن. The rules run on folded text (lower case, Arabic marks and letter variants
/// folded, as the alias matcher folds), so one pattern covers every spelling; spans are mapped back to the original.
/// Precise rather than complete: what it offers, an editor accepts or rejects.
/// </summary>
public static partial class AttributionRules
{
    /// <summary>The rules' finds in the text; <paramref name="actors"/> (from the alias matcher) link claimants to actors.</summary>
    public static IReadOnlyList<Attribution> Find(string text, IReadOnlyList<AliasMatch> actors, int cap = 2_000)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(actors);
        var folded = MatchFolding.Fold(text);
        var spans = actors.Select(a => new ActorSpan(folded.FoldedIndex(a.Start), folded.FoldedIndex(a.End), a)).ToList();
        var found = new List<Attribution>();
        var next = 0;
        foreach (var (start, end) in Sentences.Split(folded.Text))
        {
            if (found.Count >= cap)
            {
                break;
            }

            // Sentences and names both come in text order: each sentence sees only its own names.
            while (next < spans.Count && spans[next].End <= start)
            {
                next++;
            }

            var own = new List<ActorSpan>();
            for (var i = next; i < spans.Count && spans[i].Start < end; i++)
            {
                own.Add(spans[i]);
            }

            var context = new Context(folded, own);
            var sentence = new Sentence(start, end);
            // A speaker with a verb beats a source cue in the same sentence: in "X said …, according to Y" and "in a
            // statement carried by Y, X said …" X is the claimant and Y only relays it.
            var attribution = context.QuoteFirst(sentence) ?? context.EnglishVerb(sentence) ?? context.ArabicVerb(sentence) ?? context.Sourcing(sentence);
            if (attribution is not null)
            {
                found.Add(attribution);
            }
        }

        return found;
    }

    private readonly record struct Sentence(int Start, int End);

    private readonly record struct ActorSpan(int Start, int End, AliasMatch Match);

    private sealed class Context(FoldedText folded, List<ActorSpan> actors)
    {
        private string F => folded.Text;

        // "according to X, …", "…, according to X", "in a statement carried by X", "X, citing Y, …", بحسب / وفقاً لـ / نقلاً عن.
        public Attribution? Sourcing(Sentence s)
        {
            var match = SourcingCue().Match(F, s.Start, s.End - s.Start);
            if (!match.Success)
            {
                return null;
            }

            var who = match.Groups["who"];
            var claimant = Trim(who.Index, who.Index + who.Length);
            if (claimant.End <= claimant.Start || Words(claimant) > 8)
            {
                return null;
            }

            var after = Trim(match.Index + match.Length, s.End);
            var before = Trim(s.Start, match.Index);
            var quote = after.End - after.Start >= before.End - before.Start ? after : before;
            if (quote.End - quote.Start < 8)
            {
                return null;
            }

            quote = QuotedOrClause(quote.Start, quote.End);
            var cue = match.Groups["cue"].Value;
            return Make(claimant, quote, SentenceKind(s) ?? ClaimKind.Other, Reason(cue), spanIsQuote: true);
        }

        // A quotation first: "“…,” X said." or "“…,” said X."
        public Attribution? QuoteFirst(Sentence s)
        {
            var match = QuoteThenSpeaker().Match(F, s.Start, s.End - s.Start);
            if (!match.Success || match.Index != s.Start)
            {
                return null;
            }

            var quote = match.Groups["quote"];
            var who = match.Groups["who"];
            var claimant = Trim(who.Index, who.Index + who.Length);
            if (Words(claimant) is 0 or > 6)
            {
                return null;
            }

            return Make(claimant, (quote.Index, quote.Index + quote.Length), KindFromVerb(match.Groups["verb"].Value, s), $"quote, then \u201c{match.Groups["verb"].Value}\u201d", spanIsQuote: true);
        }

        // "X [adverb] said/claimed/denied/warned/… [that] …".
        public Attribution? EnglishVerb(Sentence s)
        {
            for (var match = EnglishSpeechVerb().Match(F, s.Start, s.End - s.Start); match.Success; match = match.NextMatch())
            {
                var verb = match.Groups["verb"];
                if (PassiveBefore(verb.Index, s.Start))
                {
                    continue;
                }

                var claimant = ClaimantBefore(verb.Index, s.Start);
                if (claimant is null)
                {
                    continue;
                }

                var rest = Trim(match.Index + match.Length, s.End);
                if (rest.End - rest.Start < 8)
                {
                    continue;
                }

                var quote = QuotedOrClause(rest.Start, rest.End);
                var isQuoted = F[quote.Start] is '"' or '\u201C' or '\u00AB';
                return Make(claimant.Value, quote, KindFromVerb(verb.Value, s), $"\u201c{verb.Value}\u201d", spanIsQuote: isQuoted);
            }

            return null;
        }

        // قال/أعلن/نفى/… : verb first (قال المتحدث إن …) or the actor first (حزب الله نفى …).
        public Attribution? ArabicVerb(Sentence s)
        {
            var match = ArabicSpeechVerb().Match(F, s.Start, s.End - s.Start);
            if (!match.Success)
            {
                return null;
            }

            var verb = match.Groups["verb"];
            var afterVerb = match.Index + match.Length;
            (int Start, int End)? claimant = null;
            var quoteStart = -1;
            var complementizer = ArabicComplementizer().Match(F, afterVerb, s.End - afterVerb);
            var actorBefore = actors.LastOrDefault(a => a.End <= verb.Index && a.Start >= s.Start && F[a.End..verb.Index].Trim().Length <= 1);
            if (actorBefore.Match is not null)
            {
                claimant = (actorBefore.Start, actorBefore.End);
                quoteStart = complementizer.Success && complementizer.Index - afterVerb <= 2 ? complementizer.Index + complementizer.Length : afterVerb;
            }
            else if (complementizer.Success && Words(Trim(afterVerb, complementizer.Index)) is > 0 and <= 8)
            {
                claimant = Trim(afterVerb, complementizer.Index);
                quoteStart = complementizer.Index + complementizer.Length;
            }
            else if (actors.FirstOrDefault(a => a.Start >= afterVerb && F[afterVerb..a.Start].Trim().Length == 0 && a.End < s.End) is { Match: not null } actorAfter)
            {
                claimant = (actorAfter.Start, actorAfter.End);
                quoteStart = actorAfter.End;
            }

            if (claimant is null)
            {
                return null;
            }

            var rest = Trim(quoteStart, s.End);
            if (rest.End - rest.Start < 6)
            {
                return null;
            }

            var quote = QuotedOrClause(rest.Start, rest.End);
            return Make(claimant.Value, quote, KindFromVerb(verb.Value, s), $"\u201c{verb.Value}\u201d", spanIsQuote: F[quote.Start] is '"' or '\u201C' or '\u00AB');
        }

        private Attribution Make((int Start, int End) claimant, (int Start, int End) quote, ClaimKind kind, string reason, bool spanIsQuote)
        {
            var actor = actors.Where(a => a.Start < claimant.End && a.End > claimant.Start).Select(a => a.Match).LastOrDefault();
            var spanStart = spanIsQuote ? quote.Start : Math.Min(claimant.Start, quote.Start);
            var spanEnd = spanIsQuote ? quote.End : Math.Max(claimant.End, quote.End);
            var (start, end) = folded.Original(spanStart, spanEnd);
            var (claimantStart, claimantEnd) = folded.Original(claimant.Start, claimant.End);
            var (quoteStart, quoteEnd) = folded.Original(quote.Start, quote.End);
            return new Attribution(start, end, claimantStart, claimantEnd, quoteStart, quoteEnd, kind, reason, actor);
        }

        // The claimant of "… X said": an actor's name just before the verb (an adverb may sit between), a pronoun, or
        // the short noun phrase since the clause began.
        private (int Start, int End)? ClaimantBefore(int verb, int sentenceStart)
        {
            var actor = actors.LastOrDefault(a => a.End <= verb && a.Start >= sentenceStart && AdverbGap().IsMatch(F[a.End..verb]));
            if (actor.Match is not null)
            {
                return (actor.Start, actor.End);
            }

            var clause = F.LastIndexOfAny([',', ';', ':', '(', '\u060C'], Math.Max(verb - 1, sentenceStart), verb - sentenceStart);
            var phrase = Trim(clause < 0 ? sentenceStart : clause + 1, verb);
            var text = F[phrase.Start..phrase.End];
            var adverb = TrailingAdverb().Match(text);
            if (adverb.Success)
            {
                phrase = (phrase.Start, phrase.Start + adverb.Index);
                text = F[phrase.Start..phrase.End];
            }

            if (Pronoun().IsMatch(text))
            {
                return phrase;
            }

            if (phrase.End <= phrase.Start)
            {
                // "Amira Solen, a URC spokeswoman, said" / "Tarsia, which backs the group, accused": the speaker is before the aside.
                var aside = Appositive().Match(F, sentenceStart, verb - sentenceStart);
                if (aside.Success)
                {
                    var np = aside.Groups["np"];
                    var speaker = Trim(np.Index, np.Index + np.Length);
                    return Words(speaker) is >= 1 and <= 7 ? speaker : null;
                }
            }

            var words = Words(phrase);
            return words is >= 1 and <= 7 && !NotASpeaker().IsMatch(text) ? phrase : null;
        }

        private bool PassiveBefore(int verb, int sentenceStart) =>
            PassiveAuxiliary().IsMatch(F[Math.Max(sentenceStart, verb - 12)..verb]);

        // A quotation right at the start of the rest is the quote (marks included); otherwise the clause to the end.
        private (int Start, int End) QuotedOrClause(int start, int end)
        {
            var open = F[start];
            var close = open switch { '"' => '"', '\u201C' => '\u201D', '\u00AB' => '\u00BB', _ => '\0' };
            if (close != '\0')
            {
                var closing = F.IndexOf(close, start + 1, end - start - 1);
                if (closing > start)
                {
                    return (start, closing + 1);
                }
            }

            while (end > start && F[end - 1] is '.' or ',' or ';' or '\u060C' or '!')
            {
                end--;
            }

            return (start, end);
        }

        private (int Start, int End) Trim(int start, int end)
        {
            while (start < end && (char.IsWhiteSpace(F[start]) || F[start] is ',' or '\u060C' or ':'))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(F[end - 1]))
            {
                end--;
            }

            return (start, end);
        }

        private int Words((int Start, int End) span) =>
            span.End <= span.Start ? 0 : F[span.Start..span.End].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

        private ClaimKind KindFromVerb(string verb, Sentence s) => SentenceKind(s) ?? verb switch
        {
            "denied" or "denies" or "deny" or "rejected" or "نفي" or "نفت" => ClaimKind.Denial,
            "accused" or "accuses" or "blamed" or "blames" or "اتهم" or "اتهمت" => ClaimKind.Accusation,
            "threatened" or "threatens" or "warned" or "warns" or "vowed" or "vows" or "هدد" or "هددت" or "حذر" or "حذرت" => ClaimKind.Threat,
            "تبني" or "تبنت" => ClaimKind.Responsibility,
            _ => ClaimKind.Other,
        };

        // "claimed responsibility", "taking credit for", "أعلن مسؤوليته": responsibility whatever the verb.
        private ClaimKind? SentenceKind(Sentence s) => ResponsibilityCue().IsMatch(F.AsSpan(s.Start, s.End - s.Start)) ? ClaimKind.Responsibility : null;

        private static string Reason(string cue) => $"\u201c{cue.Trim()}\u201d";
    }

    private const string Verbs =
        "said|says|claimed|claims|proclaimed|stated|announced|asserted|alleged|reported|highlighted|insisted|added|confirmed|declared|"
        + "acknowledged|admitted|denied|denies|rejected|accused|accuses|blamed|blames|threatened|threatens|warned|warns|vowed|vows|told";

    [GeneratedRegex(@"\b(?<verb>" + Verbs + @")\b(?:\s+(?:responsibility|credit)(?:\s+for)?)?(?:\s+on\s+\w+day)?[ ,:]*(?:that\s+)?", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishSpeechVerb();

    [GeneratedRegex(@"^(?<quote>[""\u201C\u00AB][^""\u201D\u00BB]{8,}[""\u201D\u00BB]),?\s+(?:(?<who>[^,]{2,60}?)\s+(?<verb>" + Verbs + @")|(?<verb>said|says|added|told)\s+(?<who>[^,]{2,60}?))(?:\s*[.,]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex QuoteThenSpeaker();

    [GeneratedRegex(@"(?<cue>\baccording to|\bin a statement (?:carried|published|quoted|reported) by|,\s*citing|(?<![\p{L}])و?(?:بحسب|حسب|وفقا\s*ل|نقلا عن))\s*(?<who>[^,;:\u060C.]{2,80}?)\s*(?=[,;:\u060C.]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex SourcingCue();

    [GeneratedRegex(@"(?<![\p{L}])[وف]?(?<verb>قال|قالت|اعلن|اعلنت|نفي|نفت|اكد|اكدت|اتهم|اتهمت|هدد|هددت|حذر|حذرت|ادعي|ادعت|زعم|زعمت|افاد|افادت|ذكر|ذكرت|صرح|صرحت|اوضح|اوضحت|تبني|تبنت)(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex ArabicSpeechVerb();

    [GeneratedRegex(@"(?<![\p{L}])(?:ب?ان|:)(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex ArabicComplementizer();

    [GeneratedRegex(@"\b(?:claim(?:ed|s|ing)?|took|tak(?:e|es|ing))\s+(?:\w+\s+)?(?:responsibility|credit)\b|مس[ؤو]ولي|تبن[يت]", RegexOptions.CultureInvariant)]
    private static partial Regex ResponsibilityCue();

    [GeneratedRegex(@"^(?:'s)?\s*(?:\w+ly\s+|also\s+|again\s+|have\s+|has\s+|had\s+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex AdverbGap();

    [GeneratedRegex(@"(?:\s+(?:\w+ly|also|again|have|has|had))+$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingAdverb();

    [GeneratedRegex(@"^(?:it|they|he|she|we|the group|the report|the statement|the ministry|the agency|officials)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pronoun();

    // Clauses that are not a speaker: "as previously", "which", "when" ...
    [GeneratedRegex(@"^(?:as|which|when|while|if|what|who|where|than|because|this|these|that)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NotASpeaker();

    [GeneratedRegex(@"(?<np>[^,;:]{1,80}),\s*(?:a|an|the|which|who|whose|its|his|her|their)\b[^,;:]{0,80},\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Appositive();

    [GeneratedRegex(@"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PassiveAuxiliary();
}
