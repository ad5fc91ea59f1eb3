using System.Net;
using System.Net.Sockets;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Operations;

/// <summary>
/// The server started as a user starts it (the built executable, no verb), misconfigured in each way a person can
/// get wrong: it stops with exit code 1 and one line on standard error saying what is wrong and what to do, with no
/// stack trace anywhere in its output.
/// </summary>
[Trait(TestStore.EngineTrait, TestStore.FixedEngine)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class StartupErrorTests
{
    private static Task<AppProcess.Result> ServeAsync(string dataDirectory, string url, params string[] more) => AppProcess.RunAsync(
        ["--urls", url, $"--NewsDesk:DataDirectory={dataDirectory}", "--Ingest:Enabled=false", .. more],
        timeout: TimeSpan.FromMinutes(2));

    private static string FreeUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
    }

    private static string AssertOneLineError(AppProcess.Result result)
    {
        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("NewsDesk cannot start: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output + result.Error, StringComparison.Ordinal);
        return line;
    }

    [Fact]
    public async Task A_port_in_use_is_named_with_how_to_choose_another()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)squatter.LocalEndpoint).Port}";

        var line = AssertOneLineError(await ServeAsync(TestDirectory.Create(), url));

        Assert.Contains(url, line, StringComparison.Ordinal);
        Assert.Contains("--urls or ASPNETCORE_URLS", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_data_directory_it_cannot_write_is_named_with_the_user_it_runs_as()
    {
        var dataDirectory = TestDirectory.Create();
        using var readOnly = await ReadOnlyFolder.MakeAsync(dataDirectory);

        var line = AssertOneLineError(await ServeAsync(dataDirectory, FreeUrl()));

        Assert.Contains($"data directory {dataDirectory} is not writable by user '{Environment.UserName}'", line, StringComparison.Ordinal);
        Assert.Contains("NewsDesk:DataDirectory", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_another_NewsDesk_serves_is_refused_and_left_to_it()
    {
        // SQLite's file has one serving process; PostgreSQL takes several (SeveralInstancesTests).
        await using var running = new SqliteNewsDeskFactory();
        var client = running.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        var line = AssertOneLineError(await ServeAsync(running.DataDirectory, FreeUrl()));

        Assert.Contains($"the database {running.DatabasePath} is in use by another running NewsDesk", line, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task A_full_disk_is_refused_before_any_migration_runs()
    {
        var dataDirectory = TestDirectory.Create();

        // No test machine has a petabyte free: the disk counts as full for this start.
        var line = AssertOneLineError(await ServeAsync(dataDirectory, FreeUrl(), "--NewsDesk:MinimumFreeDiskMegabytes=1000000000"));

        Assert.Contains($"the disk holding {dataDirectory} is full", line, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dataDirectory, "newsdesk.db")), "Nothing is written to a full disk.");
    }

    [Fact]
    public async Task A_normal_start_logs_no_warning()
    {
        var dataDirectory = TestDirectory.Create();
        var url = FreeUrl();

        var result = await AppProcess.RunUntilAsync(["--urls", url, $"--NewsDesk:DataDirectory={dataDirectory}"], "Application started", TimeSpan.FromMinutes(2));

        Assert.Contains("Now listening on: " + url, result.Output, StringComparison.Ordinal);
        Assert.Contains("are protected by file permissions (owner only), not encrypted", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(" WRN] ", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(" ERR] ", result.Output, StringComparison.Ordinal);
    }
}

/// <summary>
/// A folder no one may write, the owner included: mode 0555, and when the tests run as root (who ignores modes) the
/// immutable attribute as well. Undone on dispose so the folder can be deleted.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ReadOnlyFolder : IDisposable
{
    private readonly string _path;
    private readonly bool _immutable;

    private ReadOnlyFolder(string path, bool immutable)
    {
        _path = path;
        _immutable = immutable;
    }

    public static async Task<ReadOnlyFolder> MakeAsync(string path)
    {
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var root = Environment.UserName == "root";
        if (root)
        {
            var chattr = await AppProcess.RunProgramAsync("chattr", ["+i", path]);
            Assert.True(chattr.ExitCode == 0, $"chattr +i {path} (needed to make a folder read-only for root): {chattr.Error}");
        }

        return new ReadOnlyFolder(path, root);
    }

    public void Dispose()
    {
        if (_immutable)
        {
            AppProcess.RunProgramAsync("chattr", ["-i", _path]).GetAwaiter().GetResult();
        }

        File.SetUnixFileMode(_path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
