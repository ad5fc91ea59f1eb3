using System.Globalization;
using System.Text.RegularExpressions;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Export;
using NewsDesk.Web.Tests.Infrastructure;
using NewsDesk.Web.Tests.Infrastructure.Builders;

namespace NewsDesk.Web.Tests.Export;

/// <summary>incidents.csv as an ACLED user loads it: ACLED's 31 columns in ACLED's order, with ACLED's types and codes.</summary>
public partial class AcledIncidentsTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    /// <summary>The ACLED codebook's event columns, in its order (as acledR's acled_codebook lists them).</summary>
    private static readonly string[] _codebook =
    [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1",
        "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
        "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
        "notes", "fatalities", "tags", "timestamp",
    ];

    private static readonly string[] _regions =
    [
        "Western Africa", "Middle Africa", "Eastern Africa", "Southern Africa", "Northern Africa", "Middle East", "South Asia",
        "Southeast Asia", "East Asia", "Caucasus and Central Asia", "Europe", "North America", "Central America", "South America",
        "Caribbean", "Oceania", "Antarctica",
    ];

    [Fact]
    public async Task Incidents_csv_begins_with_the_codebook_s_31_columns_in_its_order()
    {
        var (collection, _) = await CodedIncidentAsync();

        var table = (await factory.ExportTablesAsync(new ExportSelection { CollectionId = collection.Id }))["incidents.csv"];

        Assert.Equal(_codebook, table.Headers.Take(31));
        Assert.Equal("id", table.Headers[31]);
    }

    [Fact]
    public async Task Each_ACLED_column_has_ACLED_s_type_and_codes()
    {
        var (collection, _) = await CodedIncidentAsync();

        var rows = (await factory.ExportTablesAsync(new ExportSelection { CollectionId = collection.Id }))["incidents.csv"].Rows;

        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            Assert.Matches(EventId(), row["event_id_cnty"]);
            Assert.True(DateOnly.TryParseExact(row["event_date"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date));
            Assert.Equal(date.Year, int.Parse(row["year"], CultureInfo.InvariantCulture));
            Assert.InRange(int.Parse(row["time_precision"], CultureInfo.InvariantCulture), 1, 3);
            Assert.Contains(row["disorder_type"], new[] { "Political violence", "Demonstrations", "Political violence; Demonstrations", "Strategic developments" });
            Assert.Contains(row["event_type"], new[] { "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots", "Strategic developments" });
            Assert.InRange(int.Parse(row["inter1"], CultureInfo.InvariantCulture), 1, 8);
            Assert.InRange(int.Parse(row["inter2"], CultureInfo.InvariantCulture), 0, 8);
            Assert.Matches(Interaction(), row["interaction"]);
            Assert.Contains(row["civilian_targeting"], new[] { "", "Civilian targeting" });
            Assert.InRange(int.Parse(row["iso"], CultureInfo.InvariantCulture), 1, 999);
            Assert.Contains(row["region"], _regions);
            Assert.InRange(double.Parse(row["latitude"], CultureInfo.InvariantCulture), -90, 90);
            Assert.InRange(double.Parse(row["longitude"], CultureInfo.InvariantCulture), -180, 180);
            Assert.InRange(int.Parse(row["geo_precision"], CultureInfo.InvariantCulture), 1, 3);
            Assert.True(int.Parse(row["fatalities"], CultureInfo.InvariantCulture) >= 0);
            Assert.True(long.Parse(row["timestamp"], CultureInfo.InvariantCulture) > 1_600_000_000);
        }
    }

    [Fact]
    public async Task A_coded_incident_comes_out_in_ACLED_s_terms()
    {
        var (collection, incident) = await CodedIncidentAsync();

        var row = (await factory.ExportTablesAsync(new ExportSelection { CollectionId = collection.Id }))["incidents.csv"]
            .Row("id", incident.Id.ToString(CultureInfo.InvariantCulture));

        Assert.Equal($"SYR{incident.Id}", row["event_id_cnty"]);
        Assert.Equal("2024-03-10", row["event_date"]);
        Assert.Equal("2024", row["year"]);
        Assert.Equal("Political violence", row["disorder_type"]);
        Assert.Equal("Violence against civilians", row["event_type"]);
        Assert.Equal("Military Forces of Syria (2000-2024)", row["actor1"]);
        // ACLED's assoc_actor_1: who is associated with actor1 in this event, not a second perpetrator.
        Assert.Equal("Government militia", row["assoc_actor_1"]);
        Assert.Equal("Civilians (Syria)", row["actor2"]);
        Assert.Equal("Farmers", row["assoc_actor_2"]);
        Assert.Equal("1", row["inter1"]);
        Assert.Equal("7", row["inter2"]);
        Assert.Equal("17", row["interaction"]);
        Assert.Equal("Civilian targeting", row["civilian_targeting"]);
        Assert.Equal("760", row["iso"]);
        Assert.Equal("Middle East", row["region"]);
        Assert.Equal("Deir ez-Zor", row["admin1"]);
        Assert.Equal("Al Mayadin", row["admin2"]);
        Assert.Equal("Thiban", row["admin3"]);
        Assert.Equal("National", row["source_scale"]);
        Assert.Equal("women targeted: girls", row["tags"]);
        Assert.Equal("12", row["fatalities"]);
        Assert.Equal("2024-03-10", row["date_start"]);
        Assert.Equal("2024-03-12", row["date_end"]);
        Assert.Equal("10", row["fatalities_low"]);
        Assert.Equal("15", row["fatalities_high"]);
        Assert.Equal("0", row["deaths_perpetrator_side"]);
        Assert.Equal("0", row["deaths_target_side"]);
        Assert.Equal("11", row["deaths_civilians"]);
        Assert.Equal("1", row["deaths_unknown"]);
        Assert.Equal("Other armed men", row["other_perpetrators"]);
    }

    /// <summary>The seeded ICARO incidents (a new install), as an ACLED user would code them from the article.</summary>
    [Theory]
    [InlineData("Koniko gas field", "SYR", "2024-07-26", "1", "Islamic Resistance in Iraq", "3", "US Armed Forces", "8", "38", "760", "Syria", "Deir ez-Zor", "35.37", "40.25", "2", "Shelling/artillery/missile attack", "")]
    [InlineData("Ain al-Asad air base", "IRQ", "2024-07-24", "1", "Islamic Resistance in Iraq", "3", "US Armed Forces", "8", "38", "368", "Iraq", "Al Anbar", "33.8", "42.44", "1", "Shelling/artillery/missile attack", "")]
    [InlineData("Tower 22", "JOR", "2024-01-28", "3", "Kataib Hezbollah", "3", "US Armed Forces", "8", "38", "400", "Jordan", "Mafraq", "33.32", "38.69", "2", "Air/drone strike", "3")]
    [InlineData("Tel Aviv", "ISR", "2024-07-19", "1", "Houthis", "2", "Israel", "1", "12", "376", "Israel", "Tel Aviv", "32.08", "34.78", "1", "Air/drone strike", "")]
    [InlineData("Eilat", "ISR", "2024-07-01", "2", "Islamic Resistance in Iraq", "3", "Israel", "1", "13", "376", "Israel", "Southern", "29.56", "34.95", "1", "Air/drone strike", "")]
    public async Task The_seeded_ICARO_incidents_export_as_ACLED_rows(
        string location, string iso3, string date, string timePrecision, string actor1, string inter1, string actor2, string inter2,
        string interaction, string iso, string country, string admin1, string latitude, string longitude, string geoPrecision,
        string subEventType, string fatalities)
    {
        var rows = (await factory.ExportTablesAsync(new ExportSelection()))["incidents.csv"].Rows;

        var row = Assert.Single(rows, r => r["location"] == location);
        Assert.Equal($"{iso3}{row["id"]}", row["event_id_cnty"]);
        Assert.Equal((date, date[..4], timePrecision), (row["event_date"], row["year"], row["time_precision"]));
        Assert.Equal(("Political violence", "Explosions/Remote violence", subEventType), (row["disorder_type"], row["event_type"], row["sub_event_type"]));
        Assert.Equal((actor1, inter1, actor2, inter2, interaction), (row["actor1"], row["inter1"], row["actor2"], row["inter2"], row["interaction"]));
        Assert.Equal(("", ""), (row["assoc_actor_1"], row["assoc_actor_2"]));
        Assert.Equal((iso, "Middle East", country, admin1), (row["iso"], row["region"], row["country"], row["admin1"]));
        Assert.Equal((latitude, longitude, geoPrecision), (row["latitude"], row["longitude"], row["geo_precision"]));
        Assert.Equal(fatalities, row["fatalities"]);
        Assert.NotEqual("", row["source"]);
        Assert.True(long.Parse(row["timestamp"], CultureInfo.InvariantCulture) > 1_600_000_000);
    }

    [Theory]
    [InlineData(1, 0, 10)]
    [InlineData(3, 0, 30)]
    [InlineData(1, 3, 13)]
    [InlineData(7, 2, 27)]
    [InlineData(8, 8, 88)]
    public void Interaction_puts_the_smaller_code_first_and_a_lone_actor_s_code_before_a_zero(int inter1, int inter2, int expected)
    {
        Assert.Equal(expected, Acled.Interaction(inter1, inter2));
    }

    [Theory]
    [InlineData(IncidentType.Protests, "Peaceful protest", "Demonstrations")]
    [InlineData(IncidentType.Protests, "Excessive force against protesters", "Political violence; Demonstrations")]
    [InlineData(IncidentType.Riots, "Violent demonstration", "Demonstrations")]
    [InlineData(IncidentType.Riots, "Mob violence", "Political violence")]
    [InlineData(IncidentType.Battles, "Armed clash", "Political violence")]
    [InlineData(IncidentType.StrategicDevelopments, "Arrests", "Strategic developments")]
    public void Disorder_type_follows_the_codebook_s_rule(IncidentType type, string subType, string expected)
    {
        Assert.Equal(expected, Acled.DisorderType(type, subType));
    }

    private async Task<(Collection, Incident)> CodedIncidentAsync()
    {
        var collection = new Collection { Name = $"acled {Guid.NewGuid():N}", Version = 1 };
        Article article = new ArticleBuilder().WithText("Government forces killed twelve farmers near Thiban.").InCollection(collection);
        Actor army = new ActorBuilder().Named("Military Forces of Syria (2000-2024)").Kind(ActorKind.StateForces);
        Actor militia = new ActorBuilder().Named("Government militia").Kind(ActorKind.ArmedGroup).With(a => a.AcledType = AcledActorType.PoliticalMilitia);
        Actor others = new ActorBuilder().Named("Other armed men").Kind(ActorKind.ArmedGroup);
        Actor civilians = new ActorBuilder().Named("Civilians (Syria)").Kind(ActorKind.Other).With(a => a.AcledType = AcledActorType.Civilians);
        Actor farmers = new ActorBuilder().Named("Farmers").Kind(ActorKind.Other);
        Incident incident = new IncidentBuilder().Titled("Killing of farmers near Thiban").By(army).By(others).Against(civilians)
            .With(i =>
            {
                i.Actors.Add(new IncidentActor { Actor = militia, Role = IncidentRole.PerpetratorAssociate });
                i.Actors.Add(new IncidentActor { Actor = farmers, Role = IncidentRole.TargetAssociate });
                i.Date = new DateOnly(2024, 3, 10);
                i.DateEnd = new DateOnly(2024, 3, 12);
                i.Type = IncidentType.ViolenceAgainstCivilians;
                i.SubType = "Attack";
                i.CivilianTargeting = true;
                i.Country = "Syria";
                i.Admin1 = "Deir ez-Zor";
                i.Admin2 = "Al Mayadin";
                i.Admin3 = "Thiban";
                i.Location = "Thiban";
                i.Latitude = 35.0106;
                i.Longitude = 40.5531;
                i.GeoPrecision = 1;
                i.SourceScale = "National";
                i.Tags = "women targeted: girls";
                i.Fatalities = 12;
                i.FatalitiesLow = 10;
                i.FatalitiesHigh = 15;
                i.DeathsPerpetratorSide = 0;
                i.DeathsTargetSide = 0;
                i.DeathsCivilians = 11;
                i.DeathsUnknown = 1;
            });
        await factory.ExecuteDbContextAsync(async db =>
        {
            db.AddRange(article, army, militia, others, civilians, farmers, incident, Mentions.Of(article, "Government forces killed twelve farmers", incident));
            await db.SaveChangesAsync();
        });
        return (collection, incident);
    }

    [GeneratedRegex(@"^[A-Z]{3}[0-9]+$")]
    private static partial Regex EventId();

    [GeneratedRegex(@"^[1-8][0-8]$")]
    private static partial Regex Interaction();
}
