using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Seeding;

/// <summary>An entry of seeds/actors.json; affiliations name other actors of the file.</summary>
public sealed record SeedActor(string? Name, ActorKind? Kind, AcledActorType? AcledType, string? Country, string? Description, string? ExternalId,
    IReadOnlyList<string>? Aliases, IReadOnlyList<SeedAffiliation>? Affiliations);

public sealed record SeedAffiliation(string? Actor, string? Relation);

/// <summary>A file of seeds/annotations/: records and mentions for one seeded article, matched by URL.</summary>
public sealed record SeedAnnotations(string? ArticleUrl, IReadOnlyList<SeedIncident>? Incidents, IReadOnlyList<SeedClaim>? Claims,
    IReadOnlyList<SeedMention>? Mentions);

public sealed record SeedIncident(string? Title, DateOnly? Date, DatePrecision? DatePrecision, string? Location, string? Admin1,
    string? Country, double? Latitude, double? Longitude, int? GeoPrecision, IncidentType? Type, string? SubType, int? Fatalities,
    IncidentStatus? Status, string? Notes, IReadOnlyList<string>? Perpetrators, IReadOnlyList<string>? Targets);

public sealed record SeedClaim(string? Text, string? Claimant, string? RelayedBy, ClaimKind? Kind, string? Incident, DateOnly? Date,
    ClaimAssessment? Assessment, string? AssessmentNote);

/// <summary>
/// A mention: [start, end) in UTF-16 code units into the article's stored text (end defaults to start + quote
/// length) and the quote found there; exactly one of actor (name), incident (title), claim (text).
/// </summary>
public sealed record SeedMention(int? Start, int? End, string? Quote, string? Actor, string? Incident, string? Claim);
