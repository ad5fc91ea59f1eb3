using NewsDesk.Web.Domain;
using NewsDesk.Web.Suggestions.Matching;

namespace NewsDesk.Web.Suggestions.Claims;

/// <summary>
/// A claim found by a rule: who (the claimant's span, and the actor it names when it is one), what (the quote's span),
/// the span a claim mention would cover, the kind guessed from the verb, and the rule that found it.
/// Offsets are UTF-16 code units of the article text, ends exclusive.
/// </summary>
public sealed record Attribution(
    int Start, int End, int ClaimantStart, int ClaimantEnd, int QuoteStart, int QuoteEnd, ClaimKind Kind, string Reason, AliasMatch? Claimant);
