using System.Text.Json;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Api;

/// <summary>
/// /api/vocabulary: the values the API accepts for kinds, assessments, date precisions and ACLED event types, each
/// with the label readers see, so the annotation page's pickers keep no copy of their own.
/// </summary>
public static class VocabularyApi
{
    public sealed record Term(string Value, string Label);

    public sealed record EventType(string Value, string Label, IReadOnlyList<string> SubTypes);

    public sealed record Vocabulary(IReadOnlyList<Term> ActorKinds, IReadOnlyList<Term> ClaimKinds, IReadOnlyList<Term> Assessments,
        IReadOnlyList<Term> DatePrecisions, IReadOnlyList<EventType> EventTypes);

    private static readonly Vocabulary Terms = new(
        Of<ActorKind>(), Of<ClaimKind>(), Of<ClaimAssessment>(),
        [.. new[] { DatePrecision.Day, DatePrecision.Month, DatePrecision.Year, DatePrecision.Approximate, DatePrecision.Unknown }.Select(p => TermOf(p))],
        [.. Enum.GetValues<IncidentType>().Select(t => new EventType(Value(t), AcledEventTypes.Label(t), AcledEventTypes.SubTypes(t)))]);

    public static RouteGroupBuilder MapVocabularyApi(this RouteGroupBuilder api)
    {
        api.MapGet("/vocabulary", () => Results.Ok(Terms)).WithTags("Vocabulary").WithName("GetVocabulary");
        return api;
    }

    private static Term[] Of<T>()
        where T : struct, Enum => [.. Enum.GetValues<T>().Select(v => TermOf(v))];

    private static Term TermOf(Enum value) => new(Value(value), value.Display());

    // The same camelCase spelling the API's JSON uses for enums.
    private static string Value(Enum value) => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
