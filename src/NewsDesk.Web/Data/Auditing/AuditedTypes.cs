using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Auditing;

/// <summary>
/// How one audited entity type is logged: its name, the record page its changes belong to, which columns are
/// secrets (never logged) and which are operational (bookkeeping that alone is no editorial change).
/// </summary>
public sealed record AuditedType(string Name, string RecordType, string IdProperty, string RecordIdProperty)
{
    private static readonly HashSet<string> _bookkeeping = ["UpdatedAt", "UpdatedBy", "Version"];

    public IReadOnlySet<string> Operational { get; init; } = _bookkeeping;
    public IReadOnlySet<string> Secrets { get; init; } = new HashSet<string>();

    public bool IsOperational(string property) => Operational.Contains(property);
    public bool IsSecret(string property) => Secrets.Contains(property);

    public string EntityId(EntityEntry entry) => Text(entry.Property(IdProperty).CurrentValue);
    public string RecordIdOf(EntityEntry entry) => Text(entry.Property(RecordIdProperty).CurrentValue);

    private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}

/// <summary>The entity types the audit log covers.</summary>
public static class AuditedTypes
{
    private static readonly Dictionary<Type, AuditedType> _types = new()
    {
        [typeof(Mention)] = new("Mention", "Article", nameof(Mention.Id), nameof(Mention.ArticleId)),
        [typeof(ArticleReview)] = new("ArticleReview", "Article", nameof(ArticleReview.ArticleId), nameof(ArticleReview.ArticleId)),
        [typeof(Actor)] = new("Actor", "Actor", "Id", "Id"),
        [typeof(ActorAlias)] = new("ActorAlias", "Actor", nameof(ActorAlias.Id), nameof(ActorAlias.ActorId)),
        [typeof(ActorAffiliation)] = new("ActorAffiliation", "Actor", nameof(ActorAffiliation.Id), nameof(ActorAffiliation.ActorId)),
        [typeof(Incident)] = new("Incident", "Incident", "Id", "Id"),
        [typeof(IncidentActor)] = new("IncidentActor", "Incident", nameof(IncidentActor.ActorId), nameof(IncidentActor.IncidentId)),
        [typeof(Claim)] = new("Claim", "Claim", "Id", "Id"),
        [typeof(ClaimDenial)] = new("ClaimDenial", "Claim", nameof(ClaimDenial.ClaimId), nameof(ClaimDenial.ClaimId)),
        [typeof(SuggestionDecision)] = new("SuggestionDecision", "Article", nameof(SuggestionDecision.Id), nameof(SuggestionDecision.ArticleId)),
        [typeof(Watch)] = new("Watch", "Watch", nameof(Watch.Id), nameof(Watch.Id)),
        [typeof(Collection)] = new("Collection", "Collection", nameof(Collection.Id), nameof(Collection.Id)),
        [typeof(CollectionArticle)] = new("CollectionArticle", "Collection", nameof(CollectionArticle.ArticleId), nameof(CollectionArticle.CollectionId)),
        [typeof(Source)] = new("Source", "Source", nameof(Source.Id), nameof(Source.Id))
        {
            // The scraper's own bookkeeping after each fetch is not an edit; the fetch log records it.
            Operational = new HashSet<string>
            {
                nameof(Source.LastFetchedAt), nameof(Source.LastSuccessAt), nameof(Source.NextFetchAt), nameof(Source.LastHttpStatus),
                nameof(Source.LastError), nameof(Source.ConsecutiveErrors), nameof(Source.FetchRequestedAt), nameof(Source.ETag), nameof(Source.LastModified),
                nameof(Source.LeaseOwner), nameof(Source.LeaseUntil),
            },
        },
        [typeof(NewsDeskUser)] = new("User", "User", nameof(NewsDeskUser.Id), nameof(NewsDeskUser.Id))
        {
            Operational = new HashSet<string> { nameof(NewsDeskUser.ConcurrencyStamp), nameof(NewsDeskUser.AccessFailedCount), nameof(NewsDeskUser.SecurityStamp) },
            Secrets = new HashSet<string> { nameof(NewsDeskUser.PasswordHash), nameof(NewsDeskUser.SecurityStamp), nameof(NewsDeskUser.ConcurrencyStamp) },
        },
        [typeof(IdentityUserRole<string>)] = new("UserRole", "User", nameof(IdentityUserRole<string>.UserId), nameof(IdentityUserRole<string>.UserId)),
        [typeof(ApiToken)] = new("ApiToken", "User", nameof(ApiToken.Id), nameof(ApiToken.UserId))
        {
            Operational = new HashSet<string> { nameof(ApiToken.LastUsedAt) },
            Secrets = new HashSet<string> { nameof(ApiToken.Hash) },
        },
    };

    /// <summary>The record types a history or the /audit filter can name.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. _types.Values.Select(t => t.Name).Distinct()];

    public static AuditedType? Describe(EntityEntry entry) => _types.GetValueOrDefault(entry.Metadata.ClrType);
}
