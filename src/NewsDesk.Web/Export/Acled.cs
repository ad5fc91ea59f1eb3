using System.Globalization;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Places;

namespace NewsDesk.Web.Export;

/// <summary>
/// ACLED's event columns and codes (ACLED Codebook; the column list acledR documents), derived from NewsDesk's
/// fields where ACLED defines them by rule: disorder type, actor type codes, interaction, ISO code, region.
/// docs/export.md gives the source of each definition.
/// </summary>
public static class Acled
{
    /// <summary>ACLED's 31 event columns, in ACLED's order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
        "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
        "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
    ];

    /// <summary>ACLED's name of an actor type.</summary>
    public static string ActorTypeLabel(AcledActorType type) => type switch
    {
        AcledActorType.StateForces => "State forces",
        AcledActorType.RebelGroup => "Rebel group",
        AcledActorType.PoliticalMilitia => "Political militia",
        AcledActorType.IdentityMilitia => "Identity militia",
        AcledActorType.Rioters => "Rioters",
        AcledActorType.Protesters => "Protesters",
        AcledActorType.Civilians => "Civilians",
        _ => "External/Other forces",
    };

    /// <summary>ACLED's single source scales, offered when an incident's scale is typed by hand.</summary>
    public static IReadOnlyList<string> SourceScaleNames { get; } = [.. Enum.GetValues<SourceScale>().Select(SourceScales.Label)];

    /// <summary>The value ACLED writes in civilian_targeting when civilians were the primary target.</summary>
    public const string CivilianTargeting = "Civilian targeting";

    /// <summary>Prefix of event_id_cnty when the country is not known (ISO 3166's user-assigned "XXX").</summary>
    public const string UnknownCountryCode = "XXX";

    /// <summary>ACLED's wording of its event types.</summary>
    public static string EventType(IncidentType? type) => type is { } t ? AcledEventTypes.Label(t) : "";

    /// <summary>
    /// ACLED's disorder type, which its codebook fixes by event and sub-event type: protests are
    /// Demonstrations, excessive force against protesters is both, a violent demonstration is a Demonstration
    /// and mob violence Political violence, strategic developments are their own type, the rest Political violence.
    /// </summary>
    public static string DisorderType(IncidentType? type, string? subType) => type switch
    {
        null => "",
        IncidentType.Protests when subType == "Excessive force against protesters" => "Political violence; Demonstrations",
        IncidentType.Protests => "Demonstrations",
        IncidentType.Riots when subType == "Violent demonstration" => "Demonstrations",
        IncidentType.StrategicDevelopments => "Strategic developments",
        _ => "Political violence",
    };

    /// <summary>
    /// An actor's inter code: its ACLED type when set; otherwise 1 (state forces) for states and their forces,
    /// the only kinds whose ACLED type is certain; otherwise unknown.
    /// </summary>
    public static int? InterCode(AcledActorType? type, ActorKind kind) => type is { } t ? (int)t
        : kind is ActorKind.State or ActorKind.StateForces ? (int)AcledActorType.StateForces
        : null;

    /// <summary>
    /// ACLED's interaction code: the two inter codes, the smaller first (13 = state forces vs political militia);
    /// with no actor2, inter1 followed by 0 (30 = a political militia acting alone). Unknown when a code is.
    /// </summary>
    public static int? Interaction(int? inter1, int? inter2) => (inter1, inter2) switch
    {
        ({ } a, 0) => a * 10,
        ({ } a, { } b) => Math.Min(a, b) * 10 + Math.Max(a, b),
        _ => null,
    };

    /// <summary>ACLED's event id: the country's ISO 3166 alpha-3 code and a number (here the incident id), e.g. SYR12.</summary>
    public static string EventIdCnty(Country? country, int id) =>
        (country?.Alpha3 ?? UnknownCountryCode) + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>ACLED time precision: 1 the day is known, 2 within about a week, 3 only the month or less.</summary>
    public static int? TimePrecision(DateOnly? date, DatePrecision precision) => date is null ? null : precision switch
    {
        DatePrecision.Day or DatePrecision.Minute => 1,
        DatePrecision.Approximate => 2,
        _ => 3,
    };

    /// <summary>ACLED's timestamp: when the row last changed, in Unix seconds.</summary>
    public static long Timestamp(DateTime updatedAt) =>
        new DateTimeOffset(DateTime.SpecifyKind(updatedAt, DateTimeKind.Utc)).ToUnixTimeSeconds();
}
