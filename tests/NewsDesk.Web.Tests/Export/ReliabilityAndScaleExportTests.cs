using System.Globalization;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Export;
using NewsDesk.Web.Tests.Infrastructure;
using NewsDesk.Web.Tests.Infrastructure.Builders;

namespace NewsDesk.Web.Tests.Export;

/// <summary>Admiralty grades in actors.csv, claims.csv and articles.csv, and incidents.csv's source_scale derived from the reporting sources.</summary>
public class ReliabilityAndScaleExportTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    [Fact]
    public async Task Sources_actors_and_claims_export_their_Admiralty_letters_and_digits()
    {
        var collection = new Collection { Name = $"graded {Guid.NewGuid():N}", Version = 1 };
        var source = NewSource("graded", SourceReliability.FairlyReliable, SourceScale.National);
        Article article = new ArticleBuilder().WithText("The ministry said the claim was false.").FromSource(source).InCollection(collection);
        Actor ministry = new ActorBuilder().Named($"Ministry {Guid.NewGuid():N}").With(a => a.Reliability = SourceReliability.UsuallyReliable);
        Actor outlet = new ActorBuilder().Named($"Outlet {Guid.NewGuid():N}").Kind(ActorKind.MediaOutlet).With(a => a.Reliability = SourceReliability.Unreliable);
        Claim graded = new ClaimBuilder().Saying("The claim was false").With(c =>
        {
            c.Claimant = ministry;
            c.RelayedBy = outlet;
            c.Credibility = InformationCredibility.PossiblyTrue;
        });
        Claim ungraded = new ClaimBuilder().Saying("Nobody graded this");
        await factory.ExecuteDbContextAsync(async db =>
        {
            db.AddRange(article, graded, ungraded, Mentions.Of(article, "the claim was false", graded), Mentions.Of(article, "The ministry", ungraded));
            await db.SaveChangesAsync();
        });

        var tables = await factory.ExportTablesAsync(new ExportSelection { CollectionId = collection.Id });

        var claim = tables["claims.csv"].Row("id", Id(graded.Id));
        Assert.Equal(("3", "B", "E", "B3"), (claim["credibility"], claim["claimant_reliability"], claim["relaying_outlet_reliability"], claim["admiralty_grade"]));
        var bare = tables["claims.csv"].Row("id", Id(ungraded.Id));
        Assert.Equal(("", "", "", ""), (bare["credibility"], bare["claimant_reliability"], bare["relaying_outlet_reliability"], bare["admiralty_grade"]));
        Assert.Equal("B", tables["actors.csv"].Row("id", Id(ministry.Id))["reliability"]);
        Assert.Equal("E", tables["actors.csv"].Row("id", Id(outlet.Id))["reliability"]);
        var row = tables["articles.csv"].Row("id", Id(article.Id));
        Assert.Equal(("C", "National"), (row["source_reliability"], row["source_scale"]));
    }

    [Fact]
    public async Task An_incident_s_source_scale_combines_its_reporting_sources_in_ACLED_s_order()
    {
        var collection = new Collection { Name = $"scales {Guid.NewGuid():N}", Version = 1 };
        Article international = new ArticleBuilder().WithText("A wire reports the strike.").FromSource(NewSource("wire", null, SourceScale.International)).InCollection(collection);
        Article national = new ArticleBuilder().WithText("The national daily reports the strike.").FromSource(NewSource("daily", null, SourceScale.National)).InCollection(collection);
        Article unscaled = new ArticleBuilder().WithText("A blog reports the strike.").FromSource(NewSource("blog", null, null)).InCollection(collection);
        // The typed scale only stands in when no reporting source has one: here two do.
        Incident incident = new IncidentBuilder().Titled("Reported strike").With(i => i.SourceScale = "Local");
        await factory.ExecuteDbContextAsync(async db =>
        {
            db.AddRange(international, national, unscaled, incident,
                Mentions.Of(international, "the strike", incident), Mentions.Of(national, "the strike", incident), Mentions.Of(unscaled, "the strike", incident));
            await db.SaveChangesAsync();
        });

        var row = (await factory.ExportTablesAsync(new ExportSelection { CollectionId = collection.Id }))["incidents.csv"].Row("id", Id(incident.Id));

        Assert.Equal("National-International", row["source_scale"]);
    }

    [Fact]
    public async Task An_incident_whose_sources_have_no_scale_keeps_the_one_typed_on_it()
    {
        var collection = new Collection { Name = $"typed scale {Guid.NewGuid():N}", Version = 1 };
        Article article = new ArticleBuilder().WithText("Residents report the clash.").FromSource(NewSource("unscaled", null, null)).InCollection(collection);
        Incident incident = new IncidentBuilder().Titled("Clash reported by residents").With(i => i.SourceScale = "Subnational");
        await factory.ExecuteDbContextAsync(async db =>
        {
            db.AddRange(article, incident, Mentions.Of(article, "the clash", incident));
            await db.SaveChangesAsync();
        });

        var row = (await factory.ExportTablesAsync(new ExportSelection { CollectionId = collection.Id }))["incidents.csv"].Row("id", Id(incident.Id));

        Assert.Equal("Subnational", row["source_scale"]);
    }

    [Theory]
    [InlineData(new[] { SourceScale.International, SourceScale.National }, "National-International")]
    [InlineData(new[] { SourceScale.National, SourceScale.NewMedia, SourceScale.National }, "New media-National")]
    [InlineData(new[] { SourceScale.Other, SourceScale.LocalPartner }, "Local partner-Other")]
    [InlineData(new[] { SourceScale.NewMedia, SourceScale.Other }, "Other-New media")]
    [InlineData(new[] { SourceScale.Regional }, "Regional")]
    public void Scales_are_joined_once_each_in_ACLED_s_order(SourceScale[] scales, string expected)
    {
        Assert.Equal(expected, SourceScales.Combined(scales.Select(s => (SourceScale?)s)));
    }

    [Fact]
    public void No_known_scale_gives_no_combination()
    {
        Assert.Null(SourceScales.Combined([null, null]));
    }

    [Theory]
    [InlineData(SourceReliability.CompletelyReliable, InformationCredibility.Confirmed, "A1")]
    [InlineData(SourceReliability.CannotBeJudged, InformationCredibility.CannotBeJudged, "F6")]
    [InlineData(SourceReliability.FairlyReliable, null, "C")]
    [InlineData(null, InformationCredibility.Improbable, "5")]
    [InlineData(null, null, null)]
    public void The_Admiralty_code_is_the_letter_then_the_digit(SourceReliability? reliability, InformationCredibility? credibility, string? expected)
    {
        Assert.Equal(expected, AdmiraltyGrades.Code(reliability, credibility));
    }

    private static Source NewSource(string name, SourceReliability? reliability, SourceScale? scale) => new()
    {
        Name = name,
        Url = $"https://{name}-{Guid.NewGuid():N}.example/feed.xml",
        Kind = SourceKind.Feed,
        CreatedAt = DateTime.UtcNow,
        Reliability = reliability,
        Scale = scale,
    };

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
