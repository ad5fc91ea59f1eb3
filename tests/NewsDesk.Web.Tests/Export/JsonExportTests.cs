using System.Globalization;
using System.Text.Json;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Export;
using NewsDesk.Web.Tests.Infrastructure;
using NewsDesk.Web.Tests.Infrastructure.Builders;

namespace NewsDesk.Web.Tests.Export;

/// <summary>claims.jsonld (schema.org ClaimReview JSON-LD) and incidents.geojson (RFC 7946), parsed and checked field by field.</summary>
public class JsonExportTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    [Fact]
    public async Task Claims_jsonld_holds_one_ClaimReview_per_claim_with_every_field()
    {
        var s = await ExportScenario.CreateAsync(factory);

        using var document = JsonDocument.Parse(await factory.ExportFileAsync(new ExportSelection { CollectionId = s.Collection.Id }, "claims.jsonld"));

        var root = document.RootElement;
        Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
        var reviews = root.GetProperty("@graph").EnumerateArray().ToList();
        Assert.Equal(2, reviews.Count);
        var review = reviews.Single(r => r.GetProperty("identifier").GetInt32() == s.Responsibility.Id);
        var url = $"http://localhost:5000/claims/{s.Responsibility.Id}";
        Assert.Equal("ClaimReview", review.GetProperty("@type").GetString());
        Assert.Equal(url, review.GetProperty("@id").GetString());
        Assert.Equal(url, review.GetProperty("url").GetString());
        Assert.Equal(s.Responsibility.Text, review.GetProperty("claimReviewed").GetString());
        Assert.True(DateOnly.TryParseExact(review.GetProperty("datePublished").GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
        Assert.Equal("Organization", review.GetProperty("author").GetProperty("@type").GetString());
        Assert.Equal("NewsDesk", review.GetProperty("author").GetProperty("name").GetString());

        var rating = review.GetProperty("reviewRating");
        Assert.Equal("Rating", rating.GetProperty("@type").GetString());
        Assert.Equal(3, rating.GetProperty("ratingValue").GetInt32());
        Assert.Equal(4, rating.GetProperty("bestRating").GetInt32());
        Assert.Equal(1, rating.GetProperty("worstRating").GetInt32());
        Assert.Equal("Unverified", rating.GetProperty("alternateName").GetString());
        Assert.Equal("Only IRNA reports it.", rating.GetProperty("ratingExplanation").GetString());

        var claim = review.GetProperty("itemReviewed");
        Assert.Equal("Claim", claim.GetProperty("@type").GetString());
        Assert.Equal("Organization", claim.GetProperty("author").GetProperty("@type").GetString());
        Assert.Equal("Kataib Hezbollah", claim.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal($"http://localhost:5000/actors/{s.Kataib.Id}", claim.GetProperty("author").GetProperty("@id").GetString());
        Assert.Equal("2024-07-26", claim.GetProperty("datePublished").GetString());
        Assert.Equal(s.First.Url, claim.GetProperty("firstAppearance").GetProperty("url").GetString());
        Assert.Equal([s.First.Url], claim.GetProperty("appearance").EnumerateArray().Select(a => a.GetProperty("url").GetString()));
        Assert.Equal("Event", claim.GetProperty("about").GetProperty("@type").GetString());
        Assert.Equal("Missile attack on US base, Deir Ezzor", claim.GetProperty("about").GetProperty("name").GetString());

        var denial = reviews.Single(r => r.GetProperty("identifier").GetInt32() == s.Denial.Id);
        Assert.Equal(2, denial.GetProperty("reviewRating").GetProperty("ratingValue").GetInt32());
    }

    [Theory]
    [InlineData(ClaimAssessment.False, 1)]
    [InlineData(ClaimAssessment.Disputed, 2)]
    [InlineData(ClaimAssessment.Unverified, 3)]
    [InlineData(ClaimAssessment.Corroborated, 4)]
    public void Assessments_map_to_ratings_from_worst_to_best(ClaimAssessment assessment, int rating)
    {
        Assert.Equal(rating, ClaimReviewRating.Value(assessment));
        Assert.InRange(rating, ClaimReviewRating.Worst, ClaimReviewRating.Best);
    }

    [Fact]
    public async Task Incidents_geojson_is_an_RFC_7946_feature_collection()
    {
        var s = await ExportScenario.CreateAsync(factory);
        Incident unplaced = new IncidentBuilder().Titled("Somewhere unknown");
        await factory.InsertAsync(unplaced);

        // The unplaced incident has no mention: the incident filter picks it all the same.
        using var document = JsonDocument.Parse(await factory.ExportFileAsync(
            new ExportSelection { IncidentIds = [s.DeirEzzor.Id, s.Jordan.Id, unplaced.Id] }, "incidents.geojson"));

        var root = document.RootElement;
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        Assert.False(root.TryGetProperty("crs", out _), "RFC 7946 removed crs: coordinates are WGS 84");
        var features = root.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(3, features.Count);
        foreach (var feature in features)
        {
            Assert.Equal("Feature", feature.GetProperty("type").GetString());
            Assert.Equal(JsonValueKind.Number, feature.GetProperty("id").ValueKind);
            Assert.Equal(JsonValueKind.Object, feature.GetProperty("properties").ValueKind);
            var geometry = feature.GetProperty("geometry");
            if (geometry.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            Assert.Equal("Point", geometry.GetProperty("type").GetString());
            var position = geometry.GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()).ToList();
            Assert.Equal(2, position.Count);
            Assert.InRange(position[0], -180, 180);
            Assert.InRange(position[1], -90, 90);
        }

        var deirEzzor = features.Single(f => f.GetProperty("id").GetInt32() == s.DeirEzzor.Id);
        Assert.Equal([40.1408, 35.3359], deirEzzor.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()));
        Assert.Equal($"SYR{s.DeirEzzor.Id}", deirEzzor.GetProperty("properties").GetProperty("event_id_cnty").GetString());
        Assert.Equal("Kataib Hezbollah", deirEzzor.GetProperty("properties").GetProperty("actor1").GetString());
        Assert.Equal(JsonValueKind.Null, features.Single(f => f.GetProperty("id").GetInt32() == unplaced.Id).GetProperty("geometry").ValueKind);
    }

    [Fact]
    public async Task JSON_files_neutralise_formulas_and_stay_valid_JSON()
    {
        var collection = new Collection { Name = $"json formula {Guid.NewGuid():N}", Version = 1 };
        Article article = new ArticleBuilder().WithText("A claim and an incident.").InCollection(collection);
        Incident incident = new IncidentBuilder().Titled("=HYPERLINK(\"http://evil.test\")").With(i => i.Notes = "\"=1+1\"");
        Claim claim = new ClaimBuilder().Saying("\n@SUM(A1) \"quoted\" \u2028 line").With(c => c.Incident = incident);
        await factory.ExecuteDbContextAsync(async db =>
        {
            db.AddRange(article, incident, claim, Mentions.Of(article, "A claim", claim), Mentions.Of(article, "an incident", incident));
            await db.SaveChangesAsync();
        });
        var selection = new ExportSelection { CollectionId = collection.Id };

        using var claims = JsonDocument.Parse(await factory.ExportFileAsync(selection, "claims.jsonld"));
        using var incidents = JsonDocument.Parse(await factory.ExportFileAsync(selection, "incidents.geojson"));

        var review = claims.RootElement.GetProperty("@graph")[0];
        Assert.Equal("'\n@SUM(A1) \"quoted\" \u2028 line", review.GetProperty("claimReviewed").GetString());
        Assert.Equal("'=HYPERLINK(\"http://evil.test\")", review.GetProperty("itemReviewed").GetProperty("about").GetProperty("name").GetString());
        Assert.Equal("'=HYPERLINK(\"http://evil.test\")", incidents.RootElement.GetProperty("features")[0].GetProperty("properties").GetProperty("title").GetString());
    }
}
