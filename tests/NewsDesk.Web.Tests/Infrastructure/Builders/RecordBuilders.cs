using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Tests.Infrastructure.Builders;

/// <summary>Builds actors with defaults; chain With(...) for the fields a test cares about.</summary>
public sealed class ActorBuilder
{
    private readonly Actor _actor = new() { Name = $"Actor {Guid.NewGuid():N}"[..14], Kind = ActorKind.ArmedGroup, CreatedBy = "editor" };

    public ActorBuilder Named(string name) => Set(a => a.Name = name);

    public ActorBuilder Kind(ActorKind kind) => Set(a => a.Kind = kind);

    public ActorBuilder AlsoKnownAs(params string[] aliases) => Set(a => a.Aliases.AddRange(aliases.Select(n => new ActorAlias { Name = n })));

    public ActorBuilder AffiliatedWith(Actor affiliate, string? relation) =>
        Set(a => a.Affiliations.Add(new ActorAffiliation { Affiliate = affiliate, Relation = relation }));

    public ActorBuilder With(Action<Actor> change) => Set(change);

    public Actor Build() => _actor;

    public static implicit operator Actor(ActorBuilder builder) => builder.Build();

    private ActorBuilder Set(Action<Actor> change)
    {
        change(_actor);
        return this;
    }
}

/// <summary>Builds incidents with defaults; actors are attached with their role.</summary>
public sealed class IncidentBuilder
{
    private readonly Incident _incident = new()
    {
        Title = "Drone attack",
        Date = new DateOnly(2024, 7, 26),
        DatePrecision = DatePrecision.Day,
        Type = IncidentType.ExplosionsRemoteViolence,
        Status = IncidentStatus.Reported,
    };

    public IncidentBuilder Titled(string title) => Set(i => i.Title = title);

    public IncidentBuilder By(Actor actor) => Set(i => i.Actors.Add(new IncidentActor { Actor = actor, Role = IncidentRole.Perpetrator }));

    public IncidentBuilder Against(Actor actor) => Set(i => i.Actors.Add(new IncidentActor { Actor = actor, Role = IncidentRole.Target }));

    public IncidentBuilder With(Action<Incident> change) => Set(change);

    public Incident Build() => _incident;

    public static implicit operator Incident(IncidentBuilder builder) => builder.Build();

    private IncidentBuilder Set(Action<Incident> change)
    {
        change(_incident);
        return this;
    }
}

/// <summary>Builds claims with defaults.</summary>
public sealed class ClaimBuilder
{
    private readonly Claim _claim = new() { Text = "Resistance groups targeted a US base", Kind = ClaimKind.Responsibility };

    public ClaimBuilder Saying(string text) => Set(c => c.Text = text);

    public ClaimBuilder Assessed(ClaimAssessment assessment) => Set(c => c.Assessment = assessment);

    public ClaimBuilder With(Action<Claim> change) => Set(change);

    public Claim Build() => _claim;

    public static implicit operator Claim(ClaimBuilder builder) => builder.Build();

    private ClaimBuilder Set(Action<Claim> change)
    {
        change(_claim);
        return this;
    }
}

/// <summary>Mentions whose quote is taken from the article's own text at [start, end), as the annotation UI stores them.</summary>
public static class Mentions
{
    public static Mention Of(Article article, string quote, Actor actor, string? by = "editor") =>
        Create(article, quote, by, m => m.Actor = actor);

    public static Mention Of(Article article, string quote, Incident incident, string? by = "editor") =>
        Create(article, quote, by, m => m.Incident = incident);

    public static Mention Of(Article article, string quote, Claim claim, string? by = "editor") =>
        Create(article, quote, by, m => m.Claim = claim);

    private static Mention Create(Article article, string quote, string? by, Action<Mention> link)
    {
        var start = article.Text.IndexOf(quote, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new ArgumentException($"'{quote}' is not in the article's text.", nameof(quote));
        }

        var mention = new Mention { Article = article, Start = start, End = start + quote.Length, Quote = quote, CreatedBy = by };
        link(mention);
        return mention;
    }
}
