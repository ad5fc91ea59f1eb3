using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Browser.Tests.Infrastructure;

/// <summary>
/// A fresh <c>git clone</c> of the commit under test, as a new user gets the repository: no build output, no
/// App_Data, nothing from the test run's own build. Shared by the tests of a class; deleted afterwards.
/// </summary>
public sealed class CleanClone : IAsyncLifetime
{
    public string Root { get; private set; } = "";

    /// <summary>The repository this test assembly was built from (the folder holding NewsDesk.sln).</summary>
    public static string SourceRepository()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NewsDesk.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No NewsDesk.sln above {AppContext.BaseDirectory}: the clean-clone tests run from the repository's own build.");
    }

    public async Task InitializeAsync()
    {
        var source = SourceRepository();
        var commit = (await ServerProcess.RunToEndAsync("git", ["-C", source, "rev-parse", "HEAD"], source, TimeSpan.FromMinutes(1))).Trim();
        Root = Path.Combine(TestDirectory.Create("newsdesk-clone"), "newsdesk");
        await ServerProcess.RunToEndAsync("git", ["clone", "--quiet", "--no-hardlinks", source, Root], source, TimeSpan.FromMinutes(2));
        await ServerProcess.RunToEndAsync("git", ["-C", Root, "checkout", "--quiet", "--detach", commit], Root, TimeSpan.FromMinutes(1));
    }

    /// <summary>The clone's wwwroot: what a browser must receive, byte for byte.</summary>
    public string WebRoot => Path.Combine(Root, "src", "NewsDesk.Web", "wwwroot");

    public Task DisposeAsync()
    {
        TestDirectory.TryDelete(Path.GetDirectoryName(Root)!);
        return Task.CompletedTask;
    }
}
