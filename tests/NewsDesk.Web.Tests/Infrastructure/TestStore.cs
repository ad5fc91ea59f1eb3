using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Postgres;
using Npgsql;

namespace NewsDesk.Web.Tests.Infrastructure;

/// <summary>The engines a test can run the app on.</summary>
public enum TestEngine
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Which engine the suite runs on and, for PostgreSQL, a database per test class. <c>NEWSDESK_TEST_DB=postgres</c>
/// switches the suite to PostgreSQL (default SQLite); <c>NEWSDESK_TEST_PG</c> is the server's connection string without
/// a database (what <c>.ci/postgres start</c> prints; without it the tests start a cluster of their own,
/// <see cref="TestPostgresCluster"/>).
/// Every database is a copy of one template migrated once per test run, which takes a fraction of a second where
/// migrating each would take several.
/// </summary>
public static class TestStore
{
    /// <summary>
    /// The trait of test classes whose engine does not follow <c>NEWSDESK_TEST_DB</c> (pinned to SQLite or to
    /// PostgreSQL, or running the executable on a store of their own): the PostgreSQL run of the suite leaves them
    /// out (<c>--filter "Engine!=Fixed"</c>), since they ran, on their engine, in the first run.
    /// </summary>
    public const string EngineTrait = "Engine";

    public const string FixedEngine = "Fixed";

    public static TestEngine DefaultEngine { get; } =
        string.Equals(Environment.GetEnvironmentVariable("NEWSDESK_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase)
            ? TestEngine.Postgres : TestEngine.Sqlite;

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("NEWSDESK_TEST_PG") is { Length: > 0 } server ? server : TestPostgresCluster.Shared.ConnectionString;

    private static readonly SemaphoreSlim _templateLock = new(1, 1);
    private static string? _template;

    /// <summary>The connection string of a database on the test server (not created by this call).</summary>
    public static string PostgresDatabase(string name) => new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ConnectionString;

    /// <summary>The database name for a data folder: the same folder (a restarted app) finds the same database.</summary>
    public static string DatabaseNameFor(string dataDirectory) =>
        "nd_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dataDirectory)))[..24];

    /// <summary>Creates the database from the migrated template unless it exists.</summary>
    public static async Task EnsurePostgresDatabaseAsync(string name)
    {
        var template = await TemplateAsync();
        await using var connection = new NpgsqlConnection(PostgresDatabase("postgres"));
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", name);
        if (await exists.ExecuteScalarAsync() is not null)
        {
            return;
        }

        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", connection);
        await create.ExecuteNonQueryAsync();
    }

    public static async Task DropPostgresDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(PostgresDatabase("postgres"));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<string> TemplateAsync()
    {
        await _templateLock.WaitAsync();
        try
        {
            if (_template is not null)
            {
                return _template;
            }

            var name = $"nd_template_{Environment.ProcessId}_{Guid.NewGuid():N}"[..40];
            var engine = new PostgresStoreEngine();
            var options = engine.CreateOptions(new NpgsqlConnectionStringBuilder(PostgresDatabase(name)) { Pooling = false }.ConnectionString, new NewsDeskOptions());
            await using (var db = engine.CreateContext(options))
            {
                await db.Database.MigrateAsync();
            }

            // CREATE DATABASE ... TEMPLATE refuses a template anyone is connected to.
            NpgsqlConnection.ClearAllPools();
            _template = name;
            return name;
        }
        finally
        {
            _templateLock.Release();
        }
    }
}

/// <summary>
/// The app on SQLite whatever <c>NEWSDESK_TEST_DB</c> says: for test classes about SQLite itself (the file signal,
/// the database file's checks, verbs pointed at a file). Use it as the class fixture instead of <see cref="NewsDeskFactory"/>.
/// </summary>
public class SqliteNewsDeskFactory : NewsDeskFactory
{
    public SqliteNewsDeskFactory()
        : base(TestEngine.Sqlite)
    {
    }
}
