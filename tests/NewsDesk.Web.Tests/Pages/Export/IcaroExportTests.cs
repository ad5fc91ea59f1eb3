using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Tests.Infrastructure;
using static NewsDesk.Web.Tests.Infrastructure.Forms;

namespace NewsDesk.Web.Tests.Pages.Export;

/// <summary>
/// The "done when", through the pages: an editor collects the seeded ICARO article into a new collection,
/// exports the collection as a ZIP, and the CSV files hold the article's tagged actors, incidents and claims.
/// </summary>
public class IcaroExportTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    [Fact]
    public async Task An_editor_collects_the_ICARO_article_and_exports_its_annotations_as_a_ZIP()
    {
        var client = factory.CreateClient();
        var icaro = await factory.ArticleAsync();
        var name = $"Iran proxy attacks, July 2024 {Guid.NewGuid():N}";

        var created = await client.SubmitAsync("/collections", "form.create-collection", [Field("Form.Name", name)]);
        var collectionId = int.Parse(created.RequestMessage!.RequestUri!.Segments[^1], System.Globalization.CultureInfo.InvariantCulture);
        var articleUrl = $"/articles/{icaro.Id}";
        await client.SubmitAsync(articleUrl, ".article-collections form.add-to-collection",
            [Field("ArticleIds", icaro.Id), Field("CollectionId", collectionId), Field("Operation", "add"), Field("ReturnUrl", articleUrl)]);
        var exportPage = await client.GetDocumentAsync($"/export?collection={collectionId}");
        var zip = await client.GetByteArrayAsync(exportPage.QuerySelector("a.download-zip")!.GetAttribute("href"));

        var files = Unzip(zip);
        var expected = await factory.ExecuteDbContextAsync(async db => new
        {
            Mentions = await db.Mentions.CountAsync(m => m.ArticleId == icaro.Id),
            Actors = await db.Mentions.Where(m => m.ArticleId == icaro.Id && m.ActorId != null).Select(m => m.Actor!.Name).Distinct().ToListAsync(),
            Incidents = await db.Mentions.Where(m => m.ArticleId == icaro.Id && m.IncidentId != null).Select(m => m.Incident!.Title).Distinct().ToListAsync(),
            Claims = await db.Mentions.Where(m => m.ArticleId == icaro.Id && m.ClaimId != null).Select(m => m.Claim!.Text).Distinct().ToListAsync(),
        });
        Assert.True(expected.Mentions >= 20, "the seeded ICARO annotations were not imported");
        Assert.Equal([icaro.Url], files["articles.csv"].Rows.Select(r => r["url"]));
        Assert.Equal(name, files["articles.csv"].Rows.Single()["collections"]);
        Assert.Equal(expected.Mentions, files["mentions.csv"].Rows.Count);
        // The mentioned actors, and (the selection being closed) the actors their incidents and claims name.
        Assert.Subset(files["actors.csv"].Rows.Select(r => r["name"]).ToHashSet(), expected.Actors.ToHashSet());
        Assert.Contains("US Armed Forces", files["actors.csv"].Rows.Select(r => r["name"]));
        Assert.Equal(expected.Incidents.Order(StringComparer.Ordinal), files["incidents.csv"].Rows.Select(r => r["title"]).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Claims.Order(StringComparer.Ordinal), files["claims.csv"].Rows.Select(r => r["claim_text"]).Order(StringComparer.Ordinal));
        Assert.Contains("Islamic Resistance in Iraq", files["actors.csv"].Rows.Select(r => r["name"]));
        Assert.Contains(files["incidents.csv"].Rows, r => r["location"] == "Koniko gas field" && r["event_type"] == "Explosions/Remote violence");
        Assert.Contains("IRNA: resistance groups targeted a US military base with missiles in Deir Ezzor", files["claims.csv"].Rows.Select(r => r["claim_text"]));
    }

    private static Dictionary<string, CsvTable> Unzip(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.Where(e => e.FullName.EndsWith(".csv", StringComparison.Ordinal)).ToDictionary(e => e.FullName, e =>
        {
            using var content = e.Open();
            using var bytes = new MemoryStream();
            content.CopyTo(bytes);
            var csv = bytes.ToArray();
            Assert.Equal(CsvFiles.Utf8Bom, csv[..3]);
            return CsvFiles.Read(csv);
        });
    }
}
