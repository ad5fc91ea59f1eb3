using System.IO.Compression;
using System.Net;
using System.Text.Json;
using NewsDesk.Web.Auth;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Evidence;
using NewsDesk.Web.Tests.Infrastructure;
using NewsDesk.Web.Tests.Ingest;

namespace NewsDesk.Web.Tests.Pages.Export;

/// <summary>The export page's evidence bundle: the selection's files, captures and checksums, exported by the signed-in user.</summary>
public class EvidenceBundleDownloadTests(EvidenceSite site, IngestFactory factory) : IClassFixture<EvidenceSite>, IClassFixture<IngestFactory>
{
    [Fact]
    public async Task The_export_page_s_evidence_button_downloads_the_bundle_of_the_selection_named_after_the_signed_in_user()
    {
        var source = await factory.AddSourceAsync(site.Url("/news/page-bundle.html"), SourceKind.Page);
        await factory.FetchSourceAsync(source);
        var article = (await factory.ArticlesOfAsync(source))[0];
        var client = factory.CreateClient();
        var page = await client.GetDocumentAsync($"/export?source={source}");
        var link = page.QuerySelector("a.download-evidence")!.GetAttribute("href")!;

        var response = await client.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("newsdesk-evidence-", response.Content.Headers.ContentDisposition!.FileName, StringComparison.Ordinal);
        var unzipped = Path.Combine(factory.DataDirectory, $"page-bundle-{Guid.NewGuid():N}");
        using (var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read))
        {
            zip.ExtractToDirectory(unzipped);
        }

        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(unzipped, "manifest.json")));
        Assert.Equal(NewsDeskFactory.EmailOf(Roles.Admin), manifest.RootElement.GetProperty("exportedBy").GetString());
        Assert.True(File.Exists(Path.Combine(unzipped, "captures", $"article-{article.Id}-v1.warc.gz")));
        var articles = CsvFiles.Read(await File.ReadAllBytesAsync(Path.Combine(unzipped, "articles.csv")));
        Assert.Equal([source.ToString(System.Globalization.CultureInfo.InvariantCulture)], articles.Rows.Select(r => r["source_id"]).Distinct());
        var check = await EvidenceBundleTests.ShaSumAsync(unzipped);
        Assert.True(check.Exit == 0, check.Output);
        Assert.Contains("manifest.json: OK", check.Output, StringComparison.Ordinal);
    }
}
