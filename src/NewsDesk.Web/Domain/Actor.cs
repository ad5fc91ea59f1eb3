namespace NewsDesk.Web.Domain;

/// <summary>A canonical participant in the news: a state, armed group, outlet, person...</summary>
public class Actor : EditableRecord
{
    public required string Name { get; set; }
    public ActorKind Kind { get; set; } = ActorKind.Other;

    /// <summary>ACLED's actor type (the inter1/inter2 code); null when it is not set and cannot be told from <see cref="Kind"/>.</summary>
    public AcledActorType? AcledType { get; set; }

    /// <summary>Country name (as ACLED writes it) the actor belongs to or operates from.</summary>
    public string? Country { get; set; }
    public string? Description { get; set; }

    /// <summary>An identifier in an outside knowledge base, e.g. a Wikidata QID ("Q1063217").</summary>
    public string? ExternalId { get; set; }

    /// <summary>How far the actor has proved reliable as a source of information, e.g. an outlet or a claimant (Admiralty A–F).</summary>
    public SourceReliability? Reliability { get; set; }

    public List<ActorAlias> Aliases { get; set; } = [];
    public List<ActorAffiliation> Affiliations { get; set; } = [];
    public List<Mention> Mentions { get; set; } = [];
}

/// <summary>Actor kinds, aligned with ACLED's actor types where they overlap.</summary>
public enum ActorKind
{
    State,
    StateForces,
    ArmedGroup,
    PoliticalParty,
    GovernmentBody,
    MediaOutlet,
    Person,
    Organisation,
    Other,
}

/// <summary>ACLED's actor types, numbered as its inter1/inter2 codes (ACLED Codebook, "Actor types").</summary>
public enum AcledActorType
{
    StateForces = 1,
    RebelGroup = 2,
    PoliticalMilitia = 3,
    IdentityMilitia = 4,
    Rioters = 5,
    Protesters = 6,
    Civilians = 7,
    ExternalOtherForces = 8,
}

/// <summary>Another name or transliteration an actor goes by ("Kata'ib Hizballah").</summary>
public class ActorAlias
{
    public int Id { get; set; }
    public int ActorId { get; set; }
    public Actor? Actor { get; set; }
    public required string Name { get; set; }

    /// <summary>
    /// Matched only in exactly this case and offered even when it is one letter or a common word ("US", "IS"):
    /// suggestions skip such names unless an editor marks them so.
    /// </summary>
    public bool CaseSensitive { get; set; }
}

/// <summary>A link from an actor to another it belongs to or is backed by (Kataib Hezbollah → Iran).</summary>
public class ActorAffiliation
{
    public int Id { get; set; }
    public int ActorId { get; set; }
    public Actor? Actor { get; set; }
    public int AffiliateId { get; set; }
    public Actor? Affiliate { get; set; }

    /// <summary>What the link is ("backed by", "member of", "axis of resistance").</summary>
    public string? Relation { get; set; }
}
