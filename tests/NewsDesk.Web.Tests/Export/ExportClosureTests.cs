using System.Globalization;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Export;
using NewsDesk.Web.Tests.Infrastructure;
using NewsDesk.Web.Tests.Infrastructure.Builders;

namespace NewsDesk.Web.Tests.Export;

/// <summary>
/// Closed and complete selections: whatever the filter, every id a file names has its row in the same export,
/// and records no article mentions are exported when the selection picks them (unless only mentioned ones are asked).
/// </summary>
public class ExportClosureTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    public static TheoryData<string> Filters => ["collection", "dates", "source", "actor", "incident", "assessment", "type", "everything", "mentioned-only"];

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Every_id_a_file_names_has_its_row_in_the_same_export(string filter)
    {
        var s = await ExportScenario.CreateAsync(factory);
        var selection = filter switch
        {
            "collection" => new ExportSelection { CollectionId = s.Collection.Id },
            "dates" => new ExportSelection { From = new DateOnly(2024, 7, 29), To = new DateOnly(2024, 7, 29) },
            "source" => new ExportSelection { SourceIds = [s.Daily.Id] },
            "actor" => new ExportSelection { ActorIds = [s.Kataib.Id] },
            "incident" => new ExportSelection { IncidentIds = [s.DeirEzzor.Id] },
            "assessment" => new ExportSelection { Assessments = [ClaimAssessment.Disputed] },
            "type" => new ExportSelection { CollectionId = s.Collection.Id, RecordTypes = [RecordType.Claim] },
            "mentioned-only" => new ExportSelection { MentionedOnly = true },
            _ => new ExportSelection(),
        };

        var files = await factory.ExportTablesAsync(selection);

        AssertClosed(files);
        Assert.NotEmpty(files["mentions.csv"].Rows);
    }

    [Fact]
    public async Task An_incident_filter_exports_its_actors_and_claims_and_their_outlets()
    {
        var s = await ExportScenario.CreateAsync(factory);

        var files = await factory.ExportTablesAsync(new ExportSelection { IncidentIds = [s.DeirEzzor.Id] });

        Assert.Equal([Id(s.DeirEzzor)], files["incidents.csv"].Rows.Select(r => r["id"]));
        Assert.Equal(Ids(s.Responsibility, s.Denial), files["claims.csv"].Rows.Select(r => r["id"]).Order(StringComparer.Ordinal));
        Assert.Equal(Ids(s.Iran, s.Kataib, s.Irna, s.UsForces), files["actors.csv"].Rows.Select(r => r["id"]).Order(StringComparer.Ordinal));
        Assert.Equal(Id(s.Irna), files["claims.csv"].Row("id", Id(s.Responsibility))["relaying_outlet_id"]);
    }

    [Fact]
    public async Task Records_no_article_mentions_are_exported_unless_only_mentioned_ones_are_asked()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        Actor militia = new ActorBuilder().Named($"Unmentioned militia {tag}").Kind(ActorKind.ArmedGroup);
        Incident coded = new IncidentBuilder().Titled($"Fully coded, never mentioned {tag}").By(militia)
            .With(i => { i.Date = new DateOnly(2031, 3, 4); i.Country = "Syria"; i.Type = IncidentType.Battles; });
        Claim denial = new ClaimBuilder().Saying($"The militia denies it {tag}")
            .With(c => { c.Kind = ClaimKind.Denial; c.Claimant = militia; c.Incident = coded; c.ClaimDate = new DateOnly(2031, 3, 5); });
        await factory.ExecuteDbContextAsync(async db =>
        {
            db.AddRange(militia, coded, denial);
            await db.SaveChangesAsync();
        });

        var everything = await factory.ExportTablesAsync(new ExportSelection());
        var inTheirDays = await factory.ExportTablesAsync(new ExportSelection { From = new DateOnly(2031, 3, 1), To = new DateOnly(2031, 3, 31) });
        var mentionedOnly = await factory.ExportTablesAsync(new ExportSelection { MentionedOnly = true });
        var aCollection = await factory.ExportTablesAsync(new ExportSelection { CollectionId = (await ExportScenario.CreateAsync(factory)).Collection.Id });

        foreach (var files in new[] { everything, inTheirDays })
        {
            Assert.Contains(Id(coded), files["incidents.csv"].Rows.Select(r => r["id"]));
            Assert.Contains(Id(denial), files["claims.csv"].Rows.Select(r => r["id"]));
            Assert.Contains(Id(militia), files["actors.csv"].Rows.Select(r => r["id"]));
            AssertClosed(files);
        }

        Assert.Equal([Id(coded)], inTheirDays["incidents.csv"].Rows.Select(r => r["id"]));
        foreach (var files in new[] { mentionedOnly, aCollection })
        {
            Assert.DoesNotContain(Id(coded), files["incidents.csv"].Rows.Select(r => r["id"]));
            Assert.DoesNotContain(Id(denial), files["claims.csv"].Rows.Select(r => r["id"]));
            Assert.DoesNotContain(Id(militia), files["actors.csv"].Rows.Select(r => r["id"]));
            AssertClosed(files);
        }
    }

    [Fact]
    public async Task The_export_page_counts_the_rows_after_closure()
    {
        var s = await ExportScenario.CreateAsync(factory);

        var page = await factory.CreateClient().GetDocumentAsync($"/export?incident={Id(s.DeirEzzor)}");

        string Count(string file) => page.QuerySelector($"tr[data-file='{file}'] .row-count")!.TextContent.Trim();
        Assert.Equal("4", Count("actors.csv"));
        Assert.Equal("1", Count("incidents.csv"));
        Assert.Equal("2", Count("claims.csv"));
        Assert.Equal("2", Count("claims.jsonld"));
        Assert.Equal("1", Count("incidents.geojson"));
    }

    /// <summary>Each reference column of each file points to a row of the file it names.</summary>
    private static void AssertClosed(Dictionary<string, CsvTable> files)
    {
        var articles = IdsOf(files["articles.csv"], "id");
        var actors = IdsOf(files["actors.csv"], "id");
        var incidents = IdsOf(files["incidents.csv"], "id");
        var claims = IdsOf(files["claims.csv"], "id");
        foreach (var m in files["mentions.csv"].Rows)
        {
            Assert.Contains(m["article_id"], articles);
            Assert.Contains(m["record_id"], m["record_type"] switch { "Actor" => actors, "Incident" => incidents, _ => claims });
        }

        AssertAllIn(files["articles.csv"], articles, "duplicate_of_id");
        AssertAllIn(files["actors.csv"], actors, "affiliation_ids");
        AssertAllIn(files["incidents.csv"], actors, "actor1_id", "assoc_actor_1_ids", "actor2_id", "assoc_actor_2_ids", "other_perpetrator_ids", "other_target_ids");
        AssertAllIn(files["incidents.csv"], claims, "claim_ids");
        AssertAllIn(files["claims.csv"], actors, "claimant_id", "relaying_outlet_id");
        AssertAllIn(files["claims.csv"], incidents, "incident_id");
    }

    private static void AssertAllIn(CsvTable table, HashSet<string> ids, params string[] columns)
    {
        foreach (var row in table.Rows)
        {
            foreach (var column in columns)
            {
                foreach (var id in row[column].Split("; ", StringSplitOptions.RemoveEmptyEntries))
                {
                    Assert.True(ids.Contains(id), $"{column} {id} (row {row.GetValueOrDefault("id")}) has no row in the export");
                }
            }
        }
    }

    private static HashSet<string> IdsOf(CsvTable table, string column) => [.. table.Rows.Select(r => r[column])];

    private static string Id(EditableRecord record) => record.Id.ToString(CultureInfo.InvariantCulture);

    private static List<string> Ids(params EditableRecord[] records) => [.. records.Select(Id).Order(StringComparer.Ordinal)];
}
