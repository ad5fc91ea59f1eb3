using Microsoft.Playwright;
using NewsDesk.Browser.Tests.Infrastructure;
using NewsDesk.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace NewsDesk.Browser.Tests.AsUsersRunIt;

/// <summary>
/// The README's own commands on a clean clone, in Production (no launch profile, no environment variable), with
/// Debian's Chromium as the user's browser: <c>dotnet run --project src/NewsDesk.Web</c>, and the published build
/// started as <c>out/NewsDesk.Web</c> and as <c>dotnet out/NewsDesk.Web.dll</c> from another working directory.
/// Nothing configures static assets or environments; only the listening address (and, for a second instance on
/// the same publish folder, its data folder) is chosen by the test.
/// </summary>
public class ReadmeCommandTests(CleanClone clone, ITestOutputHelper output) : IClassFixture<CleanClone>
{
    [Fact]
    public async Task The_README_run_command_on_a_clean_clone_serves_a_working_app_to_Chromium()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var server = await ServerProcess.StartAsync("dotnet", ["run", "--project", "src/NewsDesk.Web"], clone.Root);
        output.WriteLine($"dotnet run: built and serving after {clock.Elapsed.TotalSeconds:F0} s");

        var encodings = await NewUserWalkthrough.AssertStaticFilesAsync(server.BaseUrl, clone.WebRoot);
        Assert.All(encodings, e => Assert.Equal("gzip", e)); // the build compresses with gzip only; publish adds brotli
        await WalkThroughAsync(server);
        Assert.True(File.Exists(Path.Combine(clone.Root, "src", "NewsDesk.Web", "App_Data", "newsdesk.db")), "The README says the database is created at src/NewsDesk.Web/App_Data/newsdesk.db.");
        AssertQuietStart(server.Output);
    }

    [Fact]
    public async Task The_published_build_serves_the_same_app_from_any_working_directory()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await ServerProcess.RunToEndAsync("dotnet", ["publish", "src/NewsDesk.Web", "-c", "Release", "-o", "out"], clone.Root, TimeSpan.FromMinutes(10));
        output.WriteLine($"dotnet publish: {clock.Elapsed.TotalSeconds:F0} s");
        var elsewhere = TestDirectory.Create("newsdesk-cwd");
        var published = Path.Combine(clone.Root, "out");

        await using (var server = await ServerProcess.StartAsync(Path.Combine(published, "NewsDesk.Web"), [], elsewhere))
        {
            var encodings = await NewUserWalkthrough.AssertStaticFilesAsync(server.BaseUrl, clone.WebRoot);
            Assert.All(encodings, e => Assert.Equal("br", e)); // Chromium asks for br first; publish has .br files
            await WalkThroughAsync(server);
            AssertQuietStart(server.Output);
        }

        Assert.True(File.Exists(Path.Combine(published, "seeds", "articles", "000_fdc9f962e834fc36.json")), "The seeds travel with the build.");
        var otherData = TestDirectory.Create("newsdesk-data");
        await using (var server = await ServerProcess.StartAsync("dotnet", [Path.Combine(published, "NewsDesk.Web.dll")], elsewhere,
            new Dictionary<string, string> { ["NewsDesk__DataDirectory"] = otherData }))
        {
            await NewUserWalkthrough.AssertStaticFilesAsync(server.BaseUrl, clone.WebRoot);
            await WalkThroughAsync(server);
        }

        Assert.True(File.Exists(Path.Combine(otherData, "newsdesk.db")));
        Assert.False(Directory.Exists(Path.Combine(elsewhere, "App_Data")), "The working directory is not where data goes.");
    }

    private static async Task WalkThroughAsync(ServerProcess server)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath(),
            Headless = true,
            Args = BrowserFixture.ChromiumArguments,
        });
        await NewUserWalkthrough.RunAsync(browser, server.BaseUrl, () => server.Output);
    }

    /// <summary>A normal start logs no warning or error (the build's own output is not the app's log).</summary>
    private static void AssertQuietStart(string output)
    {
        var complaints = output.Split('\n').Where(line => line.Contains(" WRN] ", StringComparison.Ordinal) || line.Contains(" ERR] ", StringComparison.Ordinal) || line.Contains(" FTL] ", StringComparison.Ordinal)).ToList();
        Assert.True(complaints.Count == 0, string.Join('\n', complaints));
    }
}
