using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Export;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Export;

/// <summary>Which rows a selection holds: article filters choose articles, record filters choose mentions.</summary>
public class ExportFilterTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    [Fact]
    public async Task A_collection_holds_its_articles_only_annotated_or_not()
    {
        var s = await ExportScenario.CreateAsync(factory);

        var files = await ExportAsync(new ExportSelection { CollectionId = s.Collection.Id });

        Assert.Equal(Ids(s.First, s.Second, s.Unannotated), files.ArticleIds);
        Assert.Equal(9, files.Mentions.Rows.Count);
        Assert.DoesNotContain(files.Mentions.Rows, r => r["article_id"] == s.Outside.Id.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_date_range_keeps_articles_published_on_its_days_inclusive()
    {
        var s = await ExportScenario.CreateAsync(factory);

        var files = await ExportAsync(new ExportSelection { CollectionId = s.Collection.Id, From = new DateOnly(2024, 7, 28), To = new DateOnly(2024, 7, 29) });

        Assert.Equal(Ids(s.Second), files.ArticleIds);
        Assert.All(files.Mentions.Rows, r => Assert.Equal(s.Second.Id.ToString(CultureInfo.InvariantCulture), r["article_id"]));
        Assert.Equal(3, files.Mentions.Rows.Count);
    }

    [Fact]
    public async Task A_source_filter_keeps_that_source_s_articles()
    {
        var s = await ExportScenario.CreateAsync(factory);

        var files = await ExportAsync(new ExportSelection { CollectionId = s.Collection.Id, SourceIds = [s.Wire.Id] });

        Assert.Equal(Ids(s.First, s.Unannotated), files.ArticleIds);
        Assert.Equal(6, files.Mentions.Rows.Count);
    }

    [Fact]
    public async Task An_actor_filter_keeps_that_actor_s_mentions_and_the_articles_that_have_them()
    {
        var s = await ExportScenario.CreateAsync(factory);

        var files = await ExportAsync(new ExportSelection { CollectionId = s.Collection.Id, ActorIds = [s.Irna.Id] });

        Assert.Equal(Ids(s.First), files.ArticleIds);
        Assert.Equal(["IRNA"], files.Mentions.Rows.Select(r => r["quote"]));
        Assert.Equal(["IRNA"], files.Actors.Rows.Select(r => r["name"]));
        Assert.Empty(files.Incidents.Rows);
        Assert.Empty(files.Claims.Rows);
    }

    [Fact]
    public async Task Record_filters_add_up_an_actor_and_an_incident_keep_both()
    {
        var s = await ExportScenario.CreateAsync(factory);

        var files = await ExportAsync(new ExportSelection { CollectionId = s.Collection.Id, ActorIds = [s.Irna.Id], IncidentIds = [s.Jordan.Id] });

        Assert.Equal(["IRNA", "an attack in Jordan"], files.Mentions.Rows.Select(r => r["quote"]).Order(StringComparer.Ordinal));
        Assert.Equal(["Tower 22 drone attack"], files.Incidents.Rows.Select(r => r["title"]));
    }

    [Fact]
    public async Task An_incident_filter_keeps_that_incident_s_mentions()
    {
        var s = await ExportScenario.CreateAsync(factory);

        var files = await ExportAsync(new ExportSelection { CollectionId = s.Collection.Id, IncidentIds = [s.DeirEzzor.Id] });

        Assert.Equal(Ids(s.First, s.Second), files.ArticleIds);
        Assert.Equal(["an attack in Syria on July 26", "resistance groups struck Deir Ezzor"], files.Mentions.Rows.Select(r => r["quote"]));
        // Closed: its perpetrator and target, its claims, their claimant and relaying outlet, and Kataib's backer.
        Assert.Equal(
            ["IRNA", "Iran", "Kataib Hezbollah", "Military Forces of the United States (2021-)"],
            files.Actors.Rows.Select(r => r["name"]).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["Kataib Hezbollah denies the strike", "Resistance groups targeted a US military base with missiles in Deir Ezzor"],
            files.Claims.Rows.Select(r => r["claim_text"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_claim_assessment_filter_keeps_mentions_of_claims_so_assessed()
    {
        var s = await ExportScenario.CreateAsync(factory);

        var files = await ExportAsync(new ExportSelection { CollectionId = s.Collection.Id, Assessments = [ClaimAssessment.Disputed] });

        Assert.Equal(Ids(s.Second), files.ArticleIds);
        Assert.Equal(["Kataib Hezbollah denied it"], files.Mentions.Rows.Select(r => r["quote"]));
        // The denial's incident comes along, and with it the incident's other claim.
        Assert.Equal(["Missile attack on US base, Deir Ezzor"], files.Incidents.Rows.Select(r => r["title"]));
        Assert.Equal(
            ["Kataib Hezbollah denies the strike", "Resistance groups targeted a US military base with missiles in Deir Ezzor"],
            files.Claims.Rows.Select(r => r["claim_text"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_record_type_filter_narrows_mentions_but_not_articles()
    {
        var s = await ExportScenario.CreateAsync(factory);

        var files = await ExportAsync(new ExportSelection { CollectionId = s.Collection.Id, RecordTypes = [RecordType.Claim] });

        Assert.Equal(Ids(s.First, s.Second, s.Unannotated), files.ArticleIds);
        Assert.All(files.Mentions.Rows, r => Assert.Equal("Claim", r["record_type"]));
        Assert.Equal(2, files.Mentions.Rows.Count);
        Assert.Equal(2, files.Claims.Rows.Count);
        // What the claims refer to comes along though no kept mention points to it.
        Assert.Equal(["Missile attack on US base, Deir Ezzor"], files.Incidents.Rows.Select(r => r["title"]));
        Assert.Contains("IRNA", files.Actors.Rows.Select(r => r["name"]));
    }

    [Fact]
    public async Task Counts_agree_with_the_rows_written()
    {
        var s = await ExportScenario.CreateAsync(factory);
        var selection = new ExportSelection { CollectionId = s.Collection.Id, RecordTypes = [RecordType.Actor, RecordType.Incident] };

        var files = await ExportAsync(selection);
        await using var scope = factory.Services.CreateAsyncScope();
        var counts = await scope.ServiceProvider.GetRequiredService<ExportService>().CountAsync(selection, CancellationToken.None);

        Assert.Equal(
            new ExportCounts(files.Articles.Rows.Count, files.Mentions.Rows.Count, files.Actors.Rows.Count, files.Incidents.Rows.Count, files.Claims.Rows.Count),
            counts);
        Assert.Equal(new ExportCounts(3, 7, 4, 2, 2), counts);
    }

    private async Task<Exported> ExportAsync(ExportSelection selection)
    {
        var tables = await factory.ExportTablesAsync(selection);
        return new Exported(tables["articles.csv"], tables["mentions.csv"], tables["actors.csv"], tables["incidents.csv"], tables["claims.csv"]);
    }

    private static List<string> Ids(params Article[] articles) => [.. articles.Select(a => a.Id.ToString(CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal)];

    private sealed record Exported(CsvTable Articles, CsvTable Mentions, CsvTable Actors, CsvTable Incidents, CsvTable Claims)
    {
        public List<string> ArticleIds => [.. Articles.Rows.Select(r => r["id"]).Order(StringComparer.Ordinal)];
    }
}
