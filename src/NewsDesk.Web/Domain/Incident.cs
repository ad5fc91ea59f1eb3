namespace NewsDesk.Web.Domain;

/// <summary>Something that happened: who did what to whom, when, where, with what result.</summary>
public class Incident : EditableRecord
{
    public required string Title { get; set; }
    public DateOnly? Date { get; set; }
    public DatePrecision DatePrecision { get; set; } = DatePrecision.Day;

    /// <summary>Last day the event may have happened on, when only a range is known (UCDP's date_end); null = <see cref="Date"/>.</summary>
    public DateOnly? DateEnd { get; set; }

    public string? Location { get; set; }
    public string? Admin1 { get; set; }

    /// <summary>Second-level administrative region (district); ACLED admin2.</summary>
    public string? Admin2 { get; set; }

    /// <summary>Third-level administrative region (sub-district); ACLED admin3.</summary>
    public string? Admin3 { get; set; }
    public string? Country { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    /// <summary>ACLED geo-precision: 1 = the place itself, 2 = near it / a part of a region, 3 = a larger region.</summary>
    public int? GeoPrecision { get; set; }

    public IncidentType? Type { get; set; }

    /// <summary>ACLED sub-event type, e.g. "Shelling/artillery/missile attack".</summary>
    public string? SubType { get; set; }

    /// <summary>Reported fatalities, the best estimate (ACLED fatalities, UCDP best); null when unknown.</summary>
    public int? Fatalities { get; set; }

    /// <summary>Lowest and highest credible death counts (UCDP low / high).</summary>
    public int? FatalitiesLow { get; set; }
    public int? FatalitiesHigh { get; set; }

    /// <summary>Deaths by side (UCDP deaths_a, deaths_b, deaths_civilians, deaths_unknown): perpetrators' side, targets' side, civilians, unknown.</summary>
    public int? DeathsPerpetratorSide { get; set; }
    public int? DeathsTargetSide { get; set; }
    public int? DeathsCivilians { get; set; }
    public int? DeathsUnknown { get; set; }

    /// <summary>Civilians were the primary target (ACLED civilian_targeting).</summary>
    public bool CivilianTargeting { get; set; }

    /// <summary>ACLED-style tags ("crowd size=no report"; "women targeted: girls"), "; "-separated.</summary>
    public string? Tags { get; set; }

    /// <summary>
    /// ACLED source scale typed by hand, used only when none of the reporting articles' sources has a scale:
    /// incidents.csv derives source_scale from the sources (<see cref="SourceScales.Combined"/>).
    /// </summary>
    public string? SourceScale { get; set; }
    public IncidentStatus Status { get; set; } = IncidentStatus.Reported;
    public string? Notes { get; set; }

    public List<IncidentActor> Actors { get; set; } = [];
    public List<Claim> Claims { get; set; } = [];
    public List<Mention> Mentions { get; set; } = [];
}

/// <summary>ACLED event types.</summary>
public enum IncidentType
{
    Battles,
    ExplosionsRemoteViolence,
    ViolenceAgainstCivilians,
    Protests,
    Riots,
    StrategicDevelopments,
}

public enum IncidentStatus
{
    Reported,
    Confirmed,
    Disputed,
}

/// <summary>An actor's part in an incident.</summary>
public class IncidentActor
{
    public int IncidentId { get; set; }
    public Incident? Incident { get; set; }
    public int ActorId { get; set; }
    public Actor? Actor { get; set; }
    public IncidentRole Role { get; set; }
}

public enum IncidentRole
{
    Perpetrator,
    Target,

    /// <summary>An actor associated with the first perpetrator in this event (ACLED assoc_actor_1): its parent organisation, an identity of its members.</summary>
    PerpetratorAssociate,

    /// <summary>An actor associated with the first target in this event (ACLED assoc_actor_2): "Farmers" beside "Civilians (Syria)".</summary>
    TargetAssociate,
}
