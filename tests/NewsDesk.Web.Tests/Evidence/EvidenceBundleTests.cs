using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;
using NewsDesk.Web.Tests.Ingest;

namespace NewsDesk.Web.Tests.Evidence;

public class EvidenceBundleTests(EvidenceSite site, IngestFactory factory) : IClassFixture<EvidenceSite>, IClassFixture<IngestFactory>
{
    [Fact]
    public async Task The_evidence_bundle_holds_the_CSVs_the_captures_and_a_manifest_and_verifies_with_sha256sum()
    {
        var source = await factory.AddSourceAsync(site.Url("/news/bundle.html"), SourceKind.Page);
        await factory.FetchSourceAsync(source);
        var article = (await factory.ArticlesOfAsync(source))[0];
        var quote = article.Text.Split(' ')[0];
        var response = await factory.CreateClient().PostAsJsonAsync($"/api/articles/{article.Id}/mentions",
            new { start = 0, end = quote.Length, quote, entityType = "actor", newEntity = new { name = "Bundle actor" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var folder = Path.Combine(factory.DataDirectory, "bundle-test");
        var zip = Path.Combine(folder, "bundle.zip");

        var result = await AppProcess.RunAsync(["export", "--evidence", "--zip", zip, .. factory.StoreArguments, $"--NewsDesk:DataDirectory={factory.DataDirectory}"]);

        Assert.True(result.ExitCode == 0, result.Error);
        var unzipped = Path.Combine(folder, "unzipped");
        ZipFile.ExtractToDirectory(zip, unzipped);
        var capture = (await WarcBytes.VersionsAsync(factory, article.Id))[0].Capture!;
        var warc = Path.Combine(unzipped, "captures", $"article-{article.Id}-v1.warc.gz");
        Assert.Equal(WarcBytes.StoredBytes(factory, capture), await File.ReadAllBytesAsync(warc));
        Assert.Equal(["request", "response"], (await Warcio.ReadAsync(warc)).Select(r => r.Type));
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(unzipped, "manifest.json")));
        Assert.Equal("cli", manifest.RootElement.GetProperty("exportedBy").GetString());
        Assert.StartsWith("NewsDesk ", manifest.RootElement.GetProperty("application").GetString(), StringComparison.Ordinal);
        var files = manifest.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("file").GetString()).ToList();
        Assert.Equal(["articles.csv", "mentions.csv", "actors.csv", "incidents.csv", "claims.csv", "claims.jsonld", "incidents.geojson", $"captures/article-{article.Id}-v1.warc.gz"], files);

        var check = await ShaSumAsync(unzipped);
        Assert.True(check.Exit == 0, check.Output);
        Assert.Contains("manifest.json: OK", check.Output, StringComparison.Ordinal);
        Assert.Contains($"captures/article-{article.Id}-v1.warc.gz: OK", check.Output, StringComparison.Ordinal);

        await File.AppendAllTextAsync(Path.Combine(unzipped, "mentions.csv"), "tampered\n");
        var tampered = await ShaSumAsync(unzipped);
        Assert.NotEqual(0, tampered.Exit);
        Assert.Contains("mentions.csv: FAILED", tampered.Output, StringComparison.Ordinal);
    }

    /// <summary>Runs <c>sha256sum -c SHA256SUMS</c> in the folder, as a recipient of the bundle would.</summary>
    internal static async Task<(int Exit, string Output)> ShaSumAsync(string folder)
    {
        var start = new ProcessStartInfo("sha256sum", "-c SHA256SUMS") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}
