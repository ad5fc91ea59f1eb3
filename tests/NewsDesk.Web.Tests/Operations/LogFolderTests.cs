using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Operations;

/// <summary>
/// Each app writes its log into its own data folder, also when several start at once in one process: the folder used to
/// reach Serilog through a process-wide environment variable, and two hosts starting together swapped folders (a test
/// that read its own log then failed now and then).
/// </summary>
public class LogFolderTests
{
    [Fact]
    public async Task Apps_started_at_once_each_log_only_into_their_own_data_folder()
    {
        var apps = Enumerable.Range(0, 6).Select(AppWithMarkedSeed).ToList();
        try
        {
            await Task.WhenAll(apps.Select(app => Task.Run(async () => (await app.Factory.CreateClient().GetAsync("/")).EnsureSuccessStatusCode())));

            foreach (var app in apps)
            {
                var log = await AppLogs.ReadAsync(app.Factory.DataDirectory, app.Marker);
                Assert.Contains(app.Marker, log, StringComparison.Ordinal);
                foreach (var other in apps.Where(other => other != app))
                {
                    Assert.DoesNotContain(other.Marker, log, StringComparison.Ordinal);
                }
            }
        }
        finally
        {
            foreach (var app in apps)
            {
                await app.Factory.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Starting_an_app_sets_no_environment_variable_for_the_log_folder()
    {
        var (factory, marker) = AppWithMarkedSeed(0);
        await using (factory)
        {
            (await factory.CreateClient().GetAsync("/")).EnsureSuccessStatusCode();

            Assert.Null(Environment.GetEnvironmentVariable("NEWSDESK_DATA"));
            Assert.Contains(marker, await AppLogs.ReadAsync(factory.DataDirectory, marker), StringComparison.Ordinal);
        }
    }

    /// <summary>An app whose seed folder holds one unreadable file named after the app: the seed importer logs the name.</summary>
    private static (NewsDeskFactory Factory, string Marker) AppWithMarkedSeed(int index)
    {
        var marker = $"marker_{index}_{Guid.NewGuid():N}.json";
        var seeds = TestDirectory.Create("newsdesk-seeds");
        Directory.CreateDirectory(Path.Combine(seeds, "articles"));
        File.WriteAllText(Path.Combine(seeds, "articles", marker), "{ \"title\": \"half a file\", ");
        return (new SqliteNewsDeskFactory().WithSetting("NewsDesk:SeedsDirectory", seeds), marker);
    }
}
