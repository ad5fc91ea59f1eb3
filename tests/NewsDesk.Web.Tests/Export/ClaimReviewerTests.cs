using System.Globalization;
using System.Text.Json;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Export;
using NewsDesk.Web.Tests.Infrastructure;
using NewsDesk.Web.Tests.Infrastructure.Builders;

namespace NewsDesk.Web.Tests.Export;

/// <summary>
/// The review of a claim (ClaimReview author and datePublished): the reviewer and date typed on the claim, else the
/// organisation's name from the settings (NewsDesk:ReviewerName) and the day the claim last changed.
/// </summary>
public class ClaimReviewerTests
{
    [Fact]
    public async Task A_claim_s_own_reviewer_and_review_date_are_its_ClaimReview_s_author_and_date()
    {
        await using var factory = new NewsDeskFactory();
        var collection = await ClaimInCollectionAsync(factory, c => { c.Reviewer = "Verification desk"; c.ReviewDate = new DateOnly(2024, 8, 2); });
        var selection = new ExportSelection { CollectionId = collection.Id };

        var row = Assert.Single((await factory.ExportTablesAsync(selection))["claims.csv"].Rows);
        using var jsonld = JsonDocument.Parse(await factory.ExportFileAsync(selection, "claims.jsonld"));

        Assert.Equal(("Verification desk", "2024-08-02"), (row["reviewer"], row["review_date"]));
        var review = jsonld.RootElement.GetProperty("@graph")[0];
        Assert.Equal("Verification desk", review.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal("2024-08-02", review.GetProperty("datePublished").GetString());
    }

    [Fact]
    public async Task A_claim_without_a_reviewer_is_reviewed_by_the_organisation_named_in_the_settings_on_its_last_change()
    {
        await using var factory = new NewsDeskFactory().WithSetting("NewsDesk:ReviewerName", "ICARO Media Group");
        var collection = await ClaimInCollectionAsync(factory, _ => { });
        var selection = new ExportSelection { CollectionId = collection.Id };
        var changed = await factory.ExecuteDbContextAsync(db => Task.FromResult(db.Claims.Single(c => c.Text == ClaimText).UpdatedAt));

        var row = Assert.Single((await factory.ExportTablesAsync(selection))["claims.csv"].Rows);
        using var jsonld = JsonDocument.Parse(await factory.ExportFileAsync(selection, "claims.jsonld"));

        var day = changed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(("ICARO Media Group", day), (row["reviewer"], row["review_date"]));
        var review = jsonld.RootElement.GetProperty("@graph")[0];
        Assert.Equal("ICARO Media Group", review.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal(day, review.GetProperty("datePublished").GetString());
    }

    private const string ClaimText = "A spokesman said the convoy was not hit.";

    private static async Task<Collection> ClaimInCollectionAsync(NewsDeskFactory factory, Action<Claim> review)
    {
        var collection = new Collection { Name = $"reviewed {Guid.NewGuid():N}", Version = 1 };
        Article article = new ArticleBuilder().WithText(ClaimText).InCollection(collection);
        Claim claim = new ClaimBuilder().Saying(ClaimText).With(review);
        await factory.ExecuteDbContextAsync(async db =>
        {
            db.AddRange(article, claim, Mentions.Of(article, "A spokesman said", claim));
            await db.SaveChangesAsync();
        });
        return collection;
    }
}
