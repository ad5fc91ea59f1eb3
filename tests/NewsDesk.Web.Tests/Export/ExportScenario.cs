using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;
using NewsDesk.Web.Tests.Infrastructure.Builders;

namespace NewsDesk.Web.Tests.Export;

/// <summary>
/// A small annotated set in its own collection (so tests sharing a database do not see each other's rows):
/// two annotated articles from two sources, one article without mentions, and one article outside the collection.
/// </summary>
public sealed class ExportScenario
{
    public const string FirstText =
        "Taking credit for an attack in Syria on July 26, Iranian media outlet IRNA proclaimed, \"Resistance groups have " +
        "reportedly targeted a US military base with missiles in Deir Ezzor.\" Earlier this year, in January, the " +
        "Iranian-backed Kataib Hezbollah carried out an attack in Jordan. كتائب حزب الله 🚀 claimed it.";

    public const string SecondText = "Kataib Hezbollah denied it. IRNA repeated that resistance groups struck Deir Ezzor.";

    public required Collection Collection { get; init; }
    public required Source Wire { get; init; }
    public required Source Daily { get; init; }
    public required Article First { get; init; }
    public required Article Second { get; init; }
    public required Article Unannotated { get; init; }
    public required Article Outside { get; init; }
    public required Actor Iran { get; init; }
    public required Actor Kataib { get; init; }
    public required Actor Irna { get; init; }
    public required Actor UsForces { get; init; }
    public required Incident DeirEzzor { get; init; }
    public required Incident Jordan { get; init; }
    public required Claim Responsibility { get; init; }
    public required Claim Denial { get; init; }

    public static async Task<ExportScenario> CreateAsync(NewsDeskFactory factory)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var collection = new Collection { Name = $"Iran proxy attacks, July 2024 ({tag})", Version = 1 };
        var wire = new Source
        {
            Name = $"Wire {tag}",
            Url = $"https://wire.example.test/{tag}/feed",
            Kind = SourceKind.Feed,
            Reliability = SourceReliability.UsuallyReliable,
            Scale = SourceScale.International,
        };
        var daily = new Source { Name = $"Daily {tag}", Url = $"https://daily.example.test/{tag}/feed", Kind = SourceKind.Feed, Scale = SourceScale.National };
        Article first = new ArticleBuilder().Titled("Iran increases use of proxy militias").WithText(FirstText)
            .FromSite("ICARO Media Group").FromSource(wire)
            .PublishedAt(new DateTime(2024, 7, 27, 23, 56, 0, DateTimeKind.Unspecified), null, DatePrecision.Minute)
            .InCollection(collection);
        Article second = new ArticleBuilder().Titled("Militia denies Deir Ezzor strike").WithText(SecondText)
            .FromSite("Daily Example").FromSource(daily)
            .PublishedAt(new DateTime(2024, 7, 29, 8, 15, 0, DateTimeKind.Utc), 180, DatePrecision.Minute)
            .InCollection(collection);
        Article unannotated = new ArticleBuilder().Titled("Not annotated yet").FromSource(wire).PublishedOn(2024, 7, 30).InCollection(collection);
        Article outside = new ArticleBuilder().Titled("Outside the collection").WithText(SecondText).PublishedOn(2024, 7, 28);

        Actor iran = new ActorBuilder().Named("Iran").Kind(ActorKind.State).With(a => { a.Country = "Iran"; a.ExternalId = "Q794"; });
        Actor kataib = new ActorBuilder().Named("Kataib Hezbollah").Kind(ActorKind.ArmedGroup)
            .AlsoKnownAs("Kata'ib Hizballah", "كتائب حزب الله").AffiliatedWith(iran, "backed by")
            .With(a => { a.Country = "Iraq"; a.ExternalId = "Q1063217"; a.AcledType = AcledActorType.PoliticalMilitia; a.Description = "Iraqi Shia militia, \"KH\", part of the PMF"; });
        Actor irna = new ActorBuilder().Named("IRNA").Kind(ActorKind.MediaOutlet).With(a => { a.Country = "Iran"; a.Reliability = SourceReliability.FairlyReliable; });
        Actor usForces = new ActorBuilder().Named("Military Forces of the United States (2021-)").Kind(ActorKind.StateForces);

        Incident deirEzzor = new IncidentBuilder().Titled("Missile attack on US base, Deir Ezzor").By(kataib).Against(usForces)
            .With(i =>
            {
                i.Country = "Syria";
                i.Admin1 = "Deir ez Zor";
                i.Location = "Deir ez Zor";
                i.Latitude = 35.3359;
                i.Longitude = 40.1408;
                i.GeoPrecision = 2;
                i.SubType = "Shelling/artillery/missile attack";
                i.Notes = "On 26 July 2024, resistance groups reportedly targeted a US base with missiles.";
            });
        Incident jordan = new IncidentBuilder().Titled("Tower 22 drone attack").By(kataib).By(iran).Against(usForces)
            .With(i =>
            {
                i.Date = new DateOnly(2024, 1, 1);
                i.DatePrecision = DatePrecision.Month;
                i.Type = IncidentType.ExplosionsRemoteViolence;
                i.Country = "Jordan";
                i.Latitude = -33.3152;
                i.Longitude = -38.7904;
                i.Fatalities = 3;
                i.Status = IncidentStatus.Confirmed;
            });
        Claim responsibility = new ClaimBuilder().Saying("Resistance groups targeted a US military base with missiles in Deir Ezzor")
            .With(c =>
            {
                c.Claimant = kataib;
                c.RelayedBy = irna;
                c.Incident = deirEzzor;
                c.ClaimDate = new DateOnly(2024, 7, 26);
                c.AssessmentNote = "Only IRNA reports it.";
                c.Credibility = InformationCredibility.DoubtfullyTrue;
            });
        Claim denial = new ClaimBuilder().Saying("Kataib Hezbollah denies the strike").Assessed(ClaimAssessment.Disputed)
            .With(c => { c.Kind = ClaimKind.Denial; c.Claimant = kataib; c.Incident = deirEzzor; });

        // One context for the whole graph, so every entity is inserted once with its links.
        await factory.ExecuteDbContextAsync(async db =>
        {
            db.AddRange(first, second, unannotated, outside, iran, kataib, irna, usForces, deirEzzor, jordan, responsibility, denial);
            db.AddRange(
                Mentions.Of(first, "IRNA", irna),
                Mentions.Of(first, "Kataib Hezbollah", kataib, by: "analyst@newsdesk"),
                Mentions.Of(first, "كتائب حزب الله", kataib),
                Mentions.Of(first, "an attack in Syria on July 26", deirEzzor),
                Mentions.Of(first, "an attack in Jordan", jordan),
                Mentions.Of(first, "Resistance groups have reportedly targeted a US military base", responsibility),
                Mentions.Of(second, "Kataib Hezbollah", kataib),
                Mentions.Of(second, "Kataib Hezbollah denied it", denial),
                Mentions.Of(second, "resistance groups struck Deir Ezzor", deirEzzor),
                Mentions.Of(outside, "Kataib Hezbollah", kataib));
            await db.SaveChangesAsync();
        });

        return new ExportScenario
        {
            Collection = collection,
            Wire = wire,
            Daily = daily,
            First = first,
            Second = second,
            Unannotated = unannotated,
            Outside = outside,
            Iran = iran,
            Kataib = kataib,
            Irna = irna,
            UsForces = usForces,
            DeirEzzor = deirEzzor,
            Jordan = jordan,
            Responsibility = responsibility,
            Denial = denial,
        };
    }
}
