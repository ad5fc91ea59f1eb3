using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Operations;

/// <summary>
/// The server started as a user starts it, pointed at a store it cannot use: a connection string of the wrong kind,
/// a PostgreSQL server that does not answer, a database a newer NewsDesk made. Each stops start-up with exit code 1
/// and one line naming the store and what to do; nothing is migrated or written.
/// </summary>
[Trait(TestStore.EngineTrait, TestStore.FixedEngine)]
public class StoreStartupErrorTests
{
    private static Task<AppProcess.Result> ServeAsync(params string[] more) => AppProcess.RunAsync(
        ["--urls", FreeUrl(), $"--NewsDesk:DataDirectory={TestDirectory.Create()}", "--Ingest:Enabled=false", .. more],
        timeout: TimeSpan.FromMinutes(2));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FreeUrl() => $"http://127.0.0.1:{FreePort()}";

    private static string AssertOneLineError(AppProcess.Result result)
    {
        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("NewsDesk cannot start: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output + result.Error, StringComparison.Ordinal);
        return line;
    }

    [Fact]
    public async Task A_PostgreSQL_setting_with_a_malformed_connection_string_says_how_to_write_one()
    {
        var line = AssertOneLineError(await ServeAsync("--NewsDesk:Database=PostgreSQL", "--ConnectionStrings:NewsDesk=this is not a connection string"));

        Assert.Contains("is not a PostgreSQL connection string", line, StringComparison.Ordinal);
        Assert.Contains("Host=...;Database=...", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_PostgreSQL_server_is_named_by_host_port_and_database()
    {
        var port = FreePort();

        var line = AssertOneLineError(await ServeAsync(
            "--NewsDesk:Database=PostgreSQL", $"--ConnectionStrings:NewsDesk=Host=127.0.0.1;Port={port};Database=newsroom;Username=newsdesk;Timeout=5"));

        Assert.Contains($"cannot open the PostgreSQL database 'newsroom' on 127.0.0.1:{port}", line, StringComparison.Ordinal);
        Assert.Contains("check ConnectionStrings:NewsDesk", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_from_a_newer_NewsDesk_is_refused_before_anything_is_migrated()
    {
        var dataDirectory = TestDirectory.Create();
        var database = Path.Combine(dataDirectory, "newsdesk.db");
        var migrated = await AppProcess.RunAsync(["migrate", AppProcess.Database(database)]);
        Assert.Equal(0, migrated.ExitCode);
        await using (var connection = new SqliteConnection($"Data Source={database};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var future = connection.CreateCommand();
            future.CommandText = "INSERT INTO \"__EFMigrationsHistory\" VALUES ('29991231000000_FromTheFuture', '99.0.0')";
            await future.ExecuteNonQueryAsync();
        }

        var line = AssertOneLineError(await AppProcess.RunAsync(
            ["--urls", FreeUrl(), $"--NewsDesk:DataDirectory={dataDirectory}", "--Ingest:Enabled=false"], timeout: TimeSpan.FromMinutes(2)));

        Assert.Contains($"{database} is from a newer NewsDesk", line, StringComparison.Ordinal);
        Assert.Contains("29991231000000_FromTheFuture", line, StringComparison.Ordinal);
    }
}
