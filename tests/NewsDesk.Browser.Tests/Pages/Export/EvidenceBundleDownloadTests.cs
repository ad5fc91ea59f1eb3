using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using NewsDesk.Browser.Tests.Infrastructure;
using NewsDesk.Web.Auth;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Browser.Tests.Pages.Export;

/// <summary>The export page's evidence bundle button in a real Chromium: what the browser saves is a bundle that verifies.</summary>
public class EvidenceBundleDownloadTests(DemoAnnotationFixture fixture) : IClassFixture<DemoAnnotationFixture>
{
    [Fact]
    public async Task The_evidence_bundle_button_downloads_a_ZIP_whose_checksums_verify_with_sha256sum()
    {
        var page = await fixture.NewPageAsync(Roles.Editor);
        await page.GotoAsync("/export");
        var folder = Directory.CreateTempSubdirectory("newsdesk-bundle-").FullName;

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a.download-evidence").ClickAsync());
        var zip = Path.Combine(folder, download.SuggestedFilename);
        await download.SaveAsAsync(zip);

        try
        {
            Assert.StartsWith("newsdesk-evidence-", download.SuggestedFilename, StringComparison.Ordinal);
            var unzipped = Path.Combine(folder, "unzipped");
            ZipFile.ExtractToDirectory(zip, unzipped);
            using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(unzipped, "manifest.json")));
            Assert.Equal(NewsDeskFactory.EmailOf(Roles.Editor), manifest.RootElement.GetProperty("exportedBy").GetString());
            var files = manifest.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("file").GetString()).ToList();
            Assert.Equal(["articles.csv", "mentions.csv", "actors.csv", "incidents.csv", "claims.csv", "claims.jsonld", "incidents.geojson"], files.Take(7));
            // The seeded ICARO article was imported, not fetched: it has no capture, so none is missing either.
            Assert.Empty(manifest.RootElement.GetProperty("missingCaptures").EnumerateArray());
            Assert.Contains("ICARO", await File.ReadAllTextAsync(Path.Combine(unzipped, "articles.csv")), StringComparison.Ordinal);

            var check = Process.Start(new ProcessStartInfo("sha256sum", "-c SHA256SUMS") { WorkingDirectory = unzipped, RedirectStandardOutput = true })!;
            var output = await check.StandardOutput.ReadToEndAsync();
            await check.WaitForExitAsync();
            Assert.True(check.ExitCode == 0, output);
            Assert.Contains("manifest.json: OK", output, StringComparison.Ordinal);
            Assert.Contains("mentions.csv: OK", output, StringComparison.Ordinal);
        }
        finally
        {
            await page.Context.CloseAsync();
            Directory.Delete(folder, recursive: true);
        }
    }
}
