using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsDesk.Web.Tests.Infrastructure;
using Npgsql;

namespace NewsDesk.Web.Tests.Cli;

/// <summary>
/// <c>copy-db</c> through the built executable, as an operator moving a newsroom from its SQLite file to PostgreSQL:
/// a new install (the seeds, an account, a source) arrives whole with its ids and audit chain, the copy then serves
/// and takes new rows, a second copy into the same database is refused, and a copy that fails midway leaves the
/// target empty so that running it again works. PostgreSQL whatever the suite runs on.
/// </summary>
[Trait(TestStore.EngineTrait, TestStore.FixedEngine)]
public sealed class CopyDbVerbTests : IAsyncLifetime
{
    private readonly string _dataDirectory = TestDirectory.Create();
    private readonly string _database = $"nd_copy_{Guid.NewGuid():N}"[..30];

    private const string Password = "Copied-Across-2026\n";

    private string SqliteFile => Path.Combine(_dataDirectory, "newsdesk.db");

    private string Target => TestStore.PostgresDatabase(_database);

    public async Task InitializeAsync()
    {
        await CreateEmptyDatabaseAsync();
        Assert.Equal(0, (await OnSqliteAsync("import-seeds")).ExitCode);
        var user = await AppProcess.RunAsync(
            ["users", "add", "copied@example.test", "--role", "editor", AppProcess.Database(SqliteFile), $"--NewsDesk:DataDirectory={_dataDirectory}"], Password);
        Assert.True(user.ExitCode == 0, user.Error);
    }

    [Fact]
    public async Task A_new_install_arrives_whole_and_the_copy_serves_and_grows()
    {
        var copy = await OnSqliteAsync("copy-db", "--to", Target);

        Assert.True(copy.ExitCode == 0, copy.Error);
        Assert.Matches(@"Copied [\d,]+ rows in \d+ tables into PostgreSQL database 'nd_copy_\w+'", copy.Output);
        var tables = SqliteTables();
        Assert.Contains("AuditEntries", tables);
        foreach (var table in tables)
        {
            Assert.True(SqliteCount(table) == await PostgresCountAsync(table), $"{table}: {SqliteCount(table)} rows in SQLite, {await PostgresCountAsync(table)} in PostgreSQL");
        }

        Assert.True(SqliteCount("Articles") > 0 && SqliteCount("Actors") > 0 && SqliteCount("AuditEntries") > 0);
        // Values, not just counts: ids, text, dates (text in SQLite, timestamps in PostgreSQL) and the chain's hashes.
        Assert.Equal(SqliteRows("SELECT Id, Url, Title, strftime('%Y-%m-%dT%H:%M:%S', FetchedAt) FROM Articles ORDER BY Id"),
            await PostgresRowsAsync("SELECT \"Id\", \"Url\", \"Title\", to_char(\"FetchedAt\", 'YYYY-MM-DD\"T\"HH24:MI:SS') FROM \"Articles\" ORDER BY \"Id\""));
        Assert.Equal(SqliteRows("SELECT Id, Kind, Name FROM Actors ORDER BY Id"),
            await PostgresRowsAsync("SELECT \"Id\", \"Kind\", \"Name\" FROM \"Actors\" ORDER BY \"Id\""));
        Assert.Equal(SqliteRows("SELECT Id, PreviousHash, Hash FROM AuditEntries ORDER BY Id"),
            await PostgresRowsAsync("SELECT \"Id\", \"PreviousHash\", \"Hash\" FROM \"AuditEntries\" ORDER BY \"Id\""));

        // The copied audit chain verifies on PostgreSQL, and new rows get ids after the copied ones.
        var verify = await OnPostgresAsync("verify");
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
        var added = await AppProcess.RunAsync(
            ["users", "add", "after-copy@example.test", "--role", "viewer", "--NewsDesk:Database=PostgreSQL", $"--ConnectionStrings:NewsDesk={Target}", $"--NewsDesk:DataDirectory={_dataDirectory}"], Password);
        Assert.True(added.ExitCode == 0, added.Error);
        Assert.Equal(SqliteCount("AspNetUsers") + 1, await PostgresCountAsync("AspNetUsers"));
        // Adding a user writes its entries (the user, its role, its stamp) after the copied ones, chained to them.
        var copiedAudit = SqliteCount("AuditEntries");
        var lastCopied = long.Parse(SqliteRows("SELECT max(Id) FROM AuditEntries").Single(), CultureInfo.InvariantCulture);
        Assert.True(await PostgresCountAsync("AuditEntries") > copiedAudit);
        Assert.Equal(await PostgresCountAsync("AuditEntries") - copiedAudit,
            long.Parse((await PostgresRowsAsync($"SELECT count(*) FROM \"AuditEntries\" WHERE \"Id\" > {lastCopied}")).Single(), CultureInfo.InvariantCulture));
        Assert.Equal(0, (await OnPostgresAsync("verify")).ExitCode);

        // A second copy into the same (now full) database is refused and changes nothing.
        var again = await OnSqliteAsync("copy-db", "--to", Target);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("the target database is not empty", again.Error, StringComparison.Ordinal);
        Assert.Equal(SqliteCount("AspNetUsers") + 1, await PostgresCountAsync("AspNetUsers"));
    }

    [Fact]
    public async Task A_copy_that_fails_midway_keeps_nothing_and_can_be_run_again()
    {
        // SQLite keeps a NUL character in a text; PostgreSQL refuses it. The articles table comes late in the copy.
        var bad = SqliteRows("SELECT Id FROM Articles ORDER BY Id LIMIT 1").Single();
        Execute($"UPDATE Articles SET Byline = 'Staff' || char(0) || 'writer' WHERE Id = {bad}");

        var failed = await OnSqliteAsync("copy-db", "--to", Target);

        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("copy-db: table Articles could not be copied", failed.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was kept", failed.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", failed.Error, StringComparison.Ordinal);
        foreach (var table in SqliteTables())
        {
            Assert.Equal(0, await PostgresCountAsync(table));
        }

        Execute($"UPDATE Articles SET Byline = 'Staff writer' WHERE Id = {bad}");
        var retried = await OnSqliteAsync("copy-db", "--to", Target);
        Assert.True(retried.ExitCode == 0, retried.Error);
        Assert.Equal(SqliteCount("Articles"), await PostgresCountAsync("Articles"));
    }

    [Fact]
    public async Task A_table_the_server_is_slow_to_finish_is_not_cut_off_by_the_command_timeout()
    {
        // A large table on a busy server: the server is still working on the COPY after its last row was sent. Made
        // certain here by a statement trigger that sleeps at the COPY's end, past a one-second command timeout.
        var migrate = await OnPostgresAsync("migrate");
        Assert.True(migrate.ExitCode == 0, migrate.Error);
        await ExecutePostgresAsync("""
            CREATE FUNCTION nd_finish_slowly() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(3); RETURN NULL; END $$;
            CREATE TRIGGER nd_finish_slowly AFTER INSERT ON "Articles" FOR EACH STATEMENT EXECUTE FUNCTION nd_finish_slowly();
            """);

        var copy = await OnSqliteAsync("copy-db", "--to", $"{Target};Command Timeout=1");

        Assert.True(copy.ExitCode == 0, copy.Error);
        Assert.Equal(SqliteCount("Articles"), await PostgresCountAsync("Articles"));
        Assert.Equal(SqliteCount("Mentions"), await PostgresCountAsync("Mentions"));
    }

    private Task<AppProcess.Result> OnSqliteAsync(params string[] arguments) => AppProcess.RunAsync(
        [.. arguments, AppProcess.Database(SqliteFile), $"--NewsDesk:DataDirectory={_dataDirectory}"]);

    private Task<AppProcess.Result> OnPostgresAsync(params string[] arguments) => AppProcess.RunAsync(
        [.. arguments, "--NewsDesk:Database=PostgreSQL", $"--ConnectionStrings:NewsDesk={Target}", $"--NewsDesk:DataDirectory={_dataDirectory}"]);

    // The model's tables as SQLite holds them (its search index and EF's history are not copied: PostgreSQL has its own).
    private List<string> SqliteTables() => SqliteRows(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'ArticleSearch%' AND name NOT LIKE '%EFMigrations%'");

    private long SqliteCount(string table) => long.Parse(SqliteRows($"SELECT count(*) FROM \"{table}\"").Single(), CultureInfo.InvariantCulture);

    private List<string> SqliteRows(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={SqliteFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={SqliteFile};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private async Task<long> PostgresCountAsync(string table) =>
        long.Parse((await PostgresRowsAsync($"SELECT count(*) FROM \"{table}\"")).Single(), CultureInfo.InvariantCulture);

    private async Task<List<string>> PostgresRowsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Target) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    private async Task ExecutePostgresAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Target) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task CreateEmptyDatabaseAsync()
    {
        await using var connection = new NpgsqlConnection(TestStore.PostgresDatabase("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", connection);
        await create.ExecuteNonQueryAsync();
    }

    public Task DisposeAsync() => TestStore.DropPostgresDatabaseAsync(_database);
}
