using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Suggestions;

/// <summary>
/// A suggested mention, as GET /api/articles/{id}/suggestions returns it: [Start, End) in UTF-16 code units of the
/// article text (as mentions), the record type, the record when there is exactly one candidate (null when several
/// actors share the name: none is preselected), and why it is offered. Claims carry the guessed kind, the claimant's
/// span (and actor, when it is one) and the claims a denial may deny.
/// </summary>
public sealed record Suggestion(
    int Start, int End, string Quote, RecordType EntityType, int? EntityId, IReadOnlyList<SuggestionCandidate> Candidates, string Reason,
    ClaimKind? Kind = null, SuggestionSpan? Claimant = null, int? ClaimantId = null, IReadOnlyList<SuggestionCandidate>? Denies = null);

/// <summary>A record a suggestion may point to.</summary>
public sealed record SuggestionCandidate(int EntityId, string Name);

/// <summary>A span inside a suggestion (a claim's claimant).</summary>
public sealed record SuggestionSpan(int Start, int End);

/// <summary>An article's suggestions, how many were found before the cap, and whether the cap cut them.</summary>
public sealed record ArticleSuggestions(IReadOnlyList<Suggestion> Suggestions, int Total, bool Capped);

/// <summary>A date or place an incident tagged in that sentence may take: GET /api/articles/{id}/cues.</summary>
public sealed record IncidentCue(
    int Start, int End, string Quote, string Type, int SentenceStart, int SentenceEnd, DateOnly? Date = null, DatePrecision? Precision = null,
    string? Place = null, string? Country = null, string? Admin1 = null, double? Latitude = null, double? Longitude = null);
