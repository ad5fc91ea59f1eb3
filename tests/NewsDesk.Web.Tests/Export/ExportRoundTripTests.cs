using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Export;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Export;

/// <summary>Export, read back with CsvHelper, compare every column of every file with what the database holds.</summary>
public class ExportRoundTripTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    [Fact]
    public async Task Mentions_csv_round_trips_every_column_against_the_database()
    {
        var scenario = await ExportScenario.CreateAsync(factory);

        var table = (await factory.ExportTablesAsync(new ExportSelection { CollectionId = scenario.Collection.Id }))["mentions.csv"];

        var mentions = await factory.ExecuteDbContextAsync(db => db.Mentions.AsNoTracking()
            .Include(m => m.Article).Include(m => m.Actor).Include(m => m.Incident).Include(m => m.Claim)
            .Where(m => m.Article!.Collections.Any(c => c.CollectionId == scenario.Collection.Id))
            .OrderBy(m => m.ArticleId).ThenBy(m => m.Start).ToListAsync());
        Assert.Equal(9, mentions.Count);
        Assert.Equal(
            ["mention_id", "article_id", "article_url", "article_title", "site", "published_at", "record_type", "record_id",
             "record_name", "quote", "start", "end", "context_before", "context_after", "annotator", "created_at", "reviewed"],
            table.Headers);
        var expected = mentions.Select(m => new Dictionary<string, string>
        {
            ["mention_id"] = Number(m.Id),
            ["article_id"] = Number(m.ArticleId),
            ["article_url"] = m.Article!.Url,
            ["article_title"] = m.Article.Title,
            ["site"] = m.Article.SiteName ?? "",
            ["published_at"] = Published(m.Article),
            ["record_type"] = m.RecordType.ToString(),
            ["record_id"] = Number(m.ActorId ?? m.IncidentId ?? m.ClaimId ?? 0),
            ["record_name"] = m.Actor?.Name ?? m.Incident?.Title ?? m.Claim!.Text,
            ["quote"] = m.Quote,
            ["start"] = Number(m.Start),
            ["end"] = Number(m.End),
            ["context_before"] = m.Article.Text[Math.Max(0, m.Start - 60)..m.Start],
            ["context_after"] = m.Article.Text[m.End..Math.Min(m.Article.Text.Length, m.End + 60)],
            ["annotator"] = m.CreatedBy ?? "",
            ["created_at"] = Timestamp(m.CreatedAt),
            ["reviewed"] = "false", // no article of the scenario has been reviewed (WorkflowApiTests checks "true")
        }).ToList();
        Assert.Equal(expected, table.Rows.Select(r => new Dictionary<string, string>(r)).ToList());

        // Anchors written out by hand, so the expectation above cannot drift with the code.
        var arabic = table.Row("quote", "كتائب حزب الله");
        Assert.Equal("Actor", arabic["record_type"]);
        Assert.Equal(" 🚀 claimed it.", arabic["context_after"]);
        Assert.Equal("2024-07-27T23:56:00", arabic["published_at"]);
        Assert.Equal("2024-07-29T08:15:00Z", table.Row("quote", "Kataib Hezbollah denied it")["published_at"]);
        Assert.Equal("analyst@newsdesk", table.Rows.Single(r => r["quote"] == "Kataib Hezbollah" && r["article_id"] == Number(scenario.First.Id))["annotator"]);
    }

    [Fact]
    public async Task Actors_csv_round_trips_every_column_against_the_database()
    {
        var scenario = await ExportScenario.CreateAsync(factory);

        var table = (await factory.ExportTablesAsync(new ExportSelection { CollectionId = scenario.Collection.Id }))["actors.csv"];

        Assert.Equal(
            ["id", "name", "aliases", "kind", "country", "affiliations", "affiliation_ids", "external_id", "description",
             "mention_count", "article_count", "inter_code", "reliability"],
            table.Headers);
        var actors = await factory.ExecuteDbContextAsync(db => db.Actors.AsNoTracking()
            .Include(a => a.Aliases).Include(a => a.Affiliations).ThenInclude(f => f.Affiliate)
            .Where(a => a.Id == scenario.Irna.Id || a.Id == scenario.Kataib.Id || a.Id == scenario.Iran.Id || a.Id == scenario.UsForces.Id)
            .OrderBy(a => a.Id).ToListAsync());
        var mentions = await factory.ExecuteDbContextAsync(db => db.Mentions.AsNoTracking()
            .Where(m => m.Article!.Collections.Any(c => c.CollectionId == scenario.Collection.Id) && m.ActorId != null).ToListAsync());
        var expected = actors.Select(a => new Dictionary<string, string>
        {
            ["id"] = Number(a.Id),
            ["name"] = a.Name,
            ["aliases"] = string.Join("; ", a.Aliases.Select(x => x.Name).Order(StringComparer.Ordinal)),
            ["kind"] = a.Kind.ToString(),
            ["country"] = a.Country ?? "",
            ["affiliations"] = string.Join("; ", a.Affiliations.Select(f => $"{f.Affiliate!.Name} ({f.Relation})")),
            ["affiliation_ids"] = string.Join("; ", a.Affiliations.Select(f => Number(f.AffiliateId))),
            ["external_id"] = a.ExternalId ?? "",
            ["description"] = a.Description ?? "",
            ["mention_count"] = Number(mentions.Count(m => m.ActorId == a.Id)),
            ["article_count"] = Number(mentions.Where(m => m.ActorId == a.Id).Select(m => m.ArticleId).Distinct().Count()),
            ["inter_code"] = a.Id == scenario.Kataib.Id ? "3" : a.Id == scenario.Irna.Id ? "" : "1",
            ["reliability"] = a.Reliability?.Letter() ?? "",
        }).ToList();
        Assert.Equal(expected, table.Rows.Select(r => new Dictionary<string, string>(r)).ToList());

        var kataib = table.Row("name", "Kataib Hezbollah");
        Assert.Equal("Kata'ib Hizballah; كتائب حزب الله", kataib["aliases"]);
        Assert.Equal("Iran (backed by)", kataib["affiliations"]);
        Assert.Equal("3", kataib["mention_count"]);
        Assert.Equal("2", kataib["article_count"]);
        // Iran (Kataib's affiliate, the Jordan attack's perpetrator) and the US forces (a target) come with the selection, unmentioned.
        Assert.Equal("0", table.Row("name", "Iran")["mention_count"]);
    }

    [Fact]
    public async Task Incidents_csv_round_trips_every_column_in_ACLED_shape()
    {
        var scenario = await ExportScenario.CreateAsync(factory);

        var table = (await factory.ExportTablesAsync(new ExportSelection { CollectionId = scenario.Collection.Id }))["incidents.csv"];

        Assert.Equal([.. Acled.Columns, .. IncidentsCsvWriter.NewsDeskColumns], table.Headers);
        var incidents = await factory.ExecuteDbContextAsync(db => db.Incidents.AsNoTracking()
            .Include(i => i.Actors).ThenInclude(a => a.Actor)
            .Where(i => i.Id == scenario.DeirEzzor.Id || i.Id == scenario.Jordan.Id).OrderBy(i => i.Id).ToListAsync());
        var reports = new Dictionary<int, Article[]>
        {
            [scenario.DeirEzzor.Id] = [scenario.First, scenario.Second],
            [scenario.Jordan.Id] = [scenario.First],
        };
        var claims = new Dictionary<int, string>
        {
            [scenario.DeirEzzor.Id] = string.Join("; ", new[] { scenario.Responsibility.Id, scenario.Denial.Id }.Order().Select(Number)),
            [scenario.Jordan.Id] = "",
        };
        var expected = incidents.Select(i =>
        {
            var perpetrators = i.Actors.Where(a => a.Role == IncidentRole.Perpetrator).OrderBy(a => a.ActorId).ToList();
            var targets = i.Actors.Where(a => a.Role == IncidentRole.Target).OrderBy(a => a.ActorId).ToList();
            var (iso3, iso, inter1) = i.Country == "Syria" ? ("SYR", "760", "3") : ("JOR", "400", perpetrators[0].Actor!.Kind == ActorKind.State ? "1" : "3");
            return new Dictionary<string, string>
            {
                ["event_id_cnty"] = iso3 + Number(i.Id),
                ["event_date"] = i.Date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["year"] = Number(i.Date!.Value.Year),
                ["time_precision"] = i.DatePrecision == DatePrecision.Day ? "1" : "3",
                ["disorder_type"] = "Political violence",
                ["event_type"] = "Explosions/Remote violence",
                ["sub_event_type"] = i.SubType ?? "",
                ["actor1"] = perpetrators[0].Actor!.Name,
                ["assoc_actor_1"] = "",
                ["inter1"] = inter1,
                ["actor2"] = targets[0].Actor!.Name,
                ["assoc_actor_2"] = "",
                ["inter2"] = "1",
                ["interaction"] = inter1 == "1" ? "11" : "13",
                ["civilian_targeting"] = "",
                ["iso"] = iso,
                ["region"] = "Middle East",
                ["country"] = i.Country ?? "",
                ["admin1"] = i.Admin1 ?? "",
                ["admin2"] = "",
                ["admin3"] = "",
                ["location"] = i.Location ?? "",
                ["latitude"] = i.Latitude!.Value.ToString(CultureInfo.InvariantCulture),
                ["longitude"] = i.Longitude!.Value.ToString(CultureInfo.InvariantCulture),
                ["geo_precision"] = i.GeoPrecision is { } g ? Number(g) : "",
                ["source"] = string.Join("; ", reports[i.Id].Select(a => a.SiteName)),
                // Derived from the reporting articles' sources: the daily (national) and the wire (international).
                ["source_scale"] = i.Id == scenario.DeirEzzor.Id ? "National-International" : "International",
                ["notes"] = i.Notes ?? "",
                ["fatalities"] = i.Fatalities is { } f ? Number(f) : "",
                ["tags"] = "",
                ["timestamp"] = new DateTimeOffset(DateTime.SpecifyKind(i.UpdatedAt, DateTimeKind.Utc)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                ["id"] = Number(i.Id),
                ["title"] = i.Title,
                ["status"] = i.Status.ToString(),
                ["date_start"] = i.Date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["date_end"] = i.Date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["fatalities_low"] = "",
                ["fatalities_high"] = "",
                ["deaths_perpetrator_side"] = "",
                ["deaths_target_side"] = "",
                ["deaths_civilians"] = "",
                ["deaths_unknown"] = "",
                ["actor1_id"] = Number(perpetrators[0].ActorId),
                ["assoc_actor_1_ids"] = "",
                ["actor2_id"] = Number(targets[0].ActorId),
                ["assoc_actor_2_ids"] = "",
                ["other_perpetrators"] = string.Join("; ", perpetrators.Skip(1).Select(a => a.Actor!.Name)),
                ["other_perpetrator_ids"] = string.Join("; ", perpetrators.Skip(1).Select(a => Number(a.ActorId))),
                ["other_targets"] = "",
                ["other_target_ids"] = "",
                ["claim_ids"] = claims[i.Id],
                ["article_urls"] = string.Join("; ", reports[i.Id].Select(a => a.Url)),
                ["reporting_articles"] = Number(reports[i.Id].Length),
            };
        }).ToList();
        Assert.Equal(expected, table.Rows.Select(r => new Dictionary<string, string>(r)).ToList());

        var jordan = table.Row("title", "Tower 22 drone attack");
        Assert.Equal("3", jordan["time_precision"]);
        Assert.Equal("-33.3152", jordan["latitude"]);
        Assert.Equal("3", jordan["fatalities"]);
        Assert.Equal("ICARO Media Group; Daily Example", table.Row("title", "Missile attack on US base, Deir Ezzor")["source"]);
    }

    [Fact]
    public async Task Claims_csv_round_trips_every_column_in_ClaimReview_shape()
    {
        var scenario = await ExportScenario.CreateAsync(factory);

        var table = (await factory.ExportTablesAsync(new ExportSelection { CollectionId = scenario.Collection.Id }))["claims.csv"];

        Assert.Equal(
            ["id", "claim_text", "claimant", "claimant_id", "relaying_outlet", "relaying_outlet_id", "kind", "incident_id",
             "claim_date", "assessment", "assessment_note", "first_appearance_url", "appearance_urls",
             "reviewer", "review_date", "rating_value", "best_rating", "worst_rating", "review_url",
             "credibility", "claimant_reliability", "relaying_outlet_reliability", "admiralty_grade"],
            table.Headers);
        var claims = await factory.ExecuteDbContextAsync(db => db.Claims.AsNoTracking().Include(c => c.Claimant).Include(c => c.RelayedBy)
            .Where(c => c.Id == scenario.Responsibility.Id || c.Id == scenario.Denial.Id).OrderBy(c => c.Id).ToListAsync());
        var appearances = new Dictionary<int, string>
        {
            [scenario.Responsibility.Id] = scenario.First.Url,
            [scenario.Denial.Id] = scenario.Second.Url,
        };
        var expected = claims.Select(c => new Dictionary<string, string>
        {
            ["id"] = Number(c.Id),
            ["claim_text"] = c.Text,
            ["claimant"] = c.Claimant?.Name ?? "",
            ["claimant_id"] = c.ClaimantId is { } claimant ? Number(claimant) : "",
            ["relaying_outlet"] = c.RelayedBy?.Name ?? "",
            ["relaying_outlet_id"] = c.RelayedById is { } relay ? Number(relay) : "",
            ["kind"] = c.Kind.ToString(),
            ["incident_id"] = Number(c.IncidentId!.Value),
            ["claim_date"] = c.ClaimDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            ["assessment"] = c.Assessment.ToString(),
            ["assessment_note"] = c.AssessmentNote ?? "",
            ["first_appearance_url"] = appearances[c.Id],
            ["appearance_urls"] = appearances[c.Id],
            ["reviewer"] = "NewsDesk",
            ["review_date"] = c.UpdatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["rating_value"] = c.Assessment == ClaimAssessment.Disputed ? "2" : "3",
            ["best_rating"] = "4",
            ["worst_rating"] = "1",
            ["review_url"] = $"http://localhost:5000/claims/{Number(c.Id)}",
            ["credibility"] = c.Credibility is { } credibility ? Number(credibility.Digit()) : "",
            ["claimant_reliability"] = c.Claimant?.Reliability?.Letter() ?? "",
            ["relaying_outlet_reliability"] = c.RelayedBy?.Reliability?.Letter() ?? "",
            ["admiralty_grade"] = AdmiraltyGrades.Code(c.Claimant?.Reliability, c.Credibility) ?? "",
        }).ToList();
        Assert.Equal(expected, table.Rows.Select(r => new Dictionary<string, string>(r)).ToList());
        Assert.Equal("2024-07-26", table.Row("kind", "Responsibility")["claim_date"]);
        Assert.Equal("Disputed", table.Row("kind", "Denial")["assessment"]);
    }

    [Fact]
    public async Task Articles_csv_round_trips_every_column_and_adds_the_text_only_when_asked()
    {
        var scenario = await ExportScenario.CreateAsync(factory);

        var plain = (await factory.ExportTablesAsync(new ExportSelection { CollectionId = scenario.Collection.Id }))["articles.csv"];
        var withText = (await factory.ExportTablesAsync(
            new ExportSelection { CollectionId = scenario.Collection.Id }, new ExportFormat(IncludeArticleText: true)))["articles.csv"];

        Assert.Equal(
            ["id", "url", "title", "site", "source_id", "source_name", "byline", "section", "language", "published_at",
             "published_utc_offset_minutes", "published_precision", "fetched_at", "content_hash", "duplicate_of_id",
             "collections", "mention_count", "source_reliability", "source_scale"],
            plain.Headers);
        Assert.Equal([.. plain.Headers, "text"], withText.Headers);
        var articles = await factory.ExecuteDbContextAsync(db => db.Articles.AsNoTracking().Include(a => a.Source)
            .Where(a => a.Collections.Any(c => c.CollectionId == scenario.Collection.Id)).OrderBy(a => a.Id).ToListAsync());
        var mentionCounts = new Dictionary<int, int> { [scenario.First.Id] = 6, [scenario.Second.Id] = 3, [scenario.Unannotated.Id] = 0 };
        var expected = articles.Select(a => new Dictionary<string, string>
        {
            ["id"] = Number(a.Id),
            ["url"] = a.Url,
            ["title"] = a.Title,
            ["site"] = a.SiteName ?? "",
            ["source_id"] = Number(a.SourceId!.Value),
            ["source_name"] = a.Source!.Name,
            ["byline"] = a.Byline ?? "",
            ["section"] = a.Section ?? "",
            ["language"] = a.Language ?? "",
            ["published_at"] = Published(a),
            ["published_utc_offset_minutes"] = a.PublishedUtcOffsetMinutes is { } offset ? Number(offset) : "",
            ["published_precision"] = a.PublishedPrecision.ToString(),
            ["fetched_at"] = Timestamp(a.FetchedAt),
            ["content_hash"] = a.ContentHash,
            ["duplicate_of_id"] = "",
            ["collections"] = scenario.Collection.Name,
            ["mention_count"] = Number(mentionCounts[a.Id]),
            ["source_reliability"] = a.Source.Reliability?.Letter() ?? "",
            ["source_scale"] = a.Source.Scale is { } scale ? SourceScales.Label(scale) : "",
        }).ToList();
        Assert.Equal(expected, plain.Rows.Select(r => new Dictionary<string, string>(r)).ToList());
        Assert.Equal(articles.Select(a => a.Text), withText.Rows.Select(r => r["text"]));
        Assert.Equal("2024-07-30", plain.Row("id", Number(scenario.Unannotated.Id))["published_at"]);
        Assert.Equal("2024-07-28T09:30:00Z", plain.Rows[0]["fetched_at"]);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Timestamp(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Published(Article a) => a.PublishedPrecision switch
    {
        DatePrecision.Day => a.PublishedAt!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => a.PublishedAt!.Value.ToString(a.PublishedUtcOffsetMinutes is null ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
    };
}
