namespace NewsDesk.Web.Domain;

/// <summary>Something that happened: who did what to whom, when, where, with what result.</summary>
public class Incident : EditableRecord
{
    public required string Title { get; set; }
    public DateOnly? Date { get; set; }
    public DatePrecision DatePrecision { get; set; } = DatePrecision.Day;

    public string? Location { get; set; }
    public string? Admin1 { get; set; }
    public string? Country { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    /// <summary>ACLED geo-precision: 1 = the place itself, 2 = near it / a part of a region, 3 = a larger region.</summary>
    public int? GeoPrecision { get; set; }

    public IncidentType? Type { get; set; }

    /// <summary>ACLED sub-event type, e.g. "Shelling/artillery/missile attack".</summary>
    public string? SubType { get; set; }

    /// <summary>Reported fatalities; null when unknown.</summary>
    public int? Fatalities { get; set; }
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
}
