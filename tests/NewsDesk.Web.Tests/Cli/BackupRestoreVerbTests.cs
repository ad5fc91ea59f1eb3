using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;
using NewsDesk.Web.Tests.Ingest;

namespace NewsDesk.Web.Tests.Cli;

/// <summary>
/// <c>backup</c> and <c>restore</c> through the built executable, as an operator or a cron job runs them. They copy
/// SQLite files, so these run on SQLite whatever the suite runs on; on PostgreSQL the verbs refuse and name the
/// server's tools (<see cref="PostgresBackupVerbTests"/>).
/// </summary>
[Trait(TestStore.EngineTrait, TestStore.FixedEngine)]
public class BackupRestoreVerbTests(FixtureSite site) : IClassFixture<FixtureSite>
{
    private static Task<AppProcess.Result> RunAsync(string dataDirectory, params string[] arguments) => AppProcess.RunAsync(
        [.. arguments, AppProcess.Database(Path.Combine(dataDirectory, "newsdesk.db")), $"--NewsDesk:DataDirectory={dataDirectory}"]);

    private static long Scalar(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>A data folder holding a new install (the seeds), made by the import-seeds verb.</summary>
    private static async Task<string> NewInstallAsync()
    {
        var dataDirectory = TestDirectory.Create();
        var seeded = await RunAsync(dataDirectory, "import-seeds");
        Assert.True(seeded.ExitCode == 0, seeded.Error);
        return dataDirectory;
    }

    [Fact]
    public async Task Backups_taken_while_a_scrape_writes_are_each_a_consistent_snapshot()
    {
        await using var factory = new SqliteIngestFactory();
        // One request at a time with a pause between them: the scrape writes article after article for seconds.
        factory.WithSetting("Ingest:PerHostConcurrency", "1").WithSetting("Ingest:PerHostDelay", "00:00:00.030");
        var source = await factory.AddSourceAsync(site.Url("/feeds/rss.xml?items=backup*200"));
        var folder = TestDirectory.Create();

        var scrape = factory.FetchSourceAsync(source);
        var backups = new List<(string File, AppProcess.Result Result, bool DuringScrape)>();
        do
        {
            var file = Path.Combine(folder, $"backup-{backups.Count}.db");
            var during = !scrape.IsCompleted;
            // Started while the scrape was writing: its snapshot may land anywhere inside the scrape.
            backups.Add((file, await RunAsync(factory.DataDirectory, "backup", "--out", file), during));
        }
        while (!scrape.IsCompleted);
        await scrape;

        Assert.Contains(backups, b => b.DuringScrape);
        foreach (var (file, result, _) in backups)
        {
            Assert.True(result.ExitCode == 0, result.Error);
            Assert.Matches(@"^Backed up to .+: [\d,]+ bytes, integrity check ok, schema \d{14}_\w+\.$", result.Output.Trim());
            Assert.Contains(new FileInfo(file).Length.ToString("N0", CultureInfo.InvariantCulture), result.Output, StringComparison.Ordinal);
            // Articles and their search index rows are written in one transaction: a torn copy would differ.
            Assert.Equal(Scalar(file, "SELECT count(*) FROM Articles"), Scalar(file, "SELECT count(*) FROM ArticleSearch_docsize"));
            Assert.Equal("ok", IntegrityOf(file));
        }

        Assert.Equal(200, await factory.CountAsync<Article>());
        Assert.Empty(Directory.EnumerateFiles(folder, "*.partial", new EnumerationOptions { AttributesToSkip = 0 }));
    }

    private static string IntegrityOf(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task An_existing_backup_file_is_kept_unless_force_is_given()
    {
        var dataDirectory = await NewInstallAsync();
        var target = Path.Combine(TestDirectory.Create(), "newsdesk-backup.db");
        await File.WriteAllTextAsync(target, "an older backup");

        var refused = await RunAsync(dataDirectory, "backup", "--out", target);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"{target} already exists; add --force to replace it.", refused.Error, StringComparison.Ordinal);
        Assert.Equal("an older backup", await File.ReadAllTextAsync(target));

        var forced = await RunAsync(dataDirectory, "backup", "--out", target, "--force");

        Assert.True(forced.ExitCode == 0, forced.Error);
        Assert.Equal(1, Scalar(target, "SELECT count(*) FROM Articles"));
        Assert.Single(Directory.EnumerateFiles(Path.GetDirectoryName(target)!, "*", new EnumerationOptions { AttributesToSkip = 0 }));
    }

    [Fact]
    public async Task Restore_brings_back_every_row_and_keeps_the_database_it_replaced()
    {
        var original = await NewInstallAsync();
        var backup = Path.Combine(TestDirectory.Create(), "set.db");
        Assert.Equal(0, (await RunAsync(original, "backup", "--out", backup)).ExitCode);
        var other = await NewInstallAsync();
        var otherDatabase = Path.Combine(other, "newsdesk.db");
        Execute(otherDatabase, "DELETE FROM Mentions;");

        var restored = await RunAsync(other, "restore", "--from", backup);

        Assert.True(restored.ExitCode == 0, restored.Error);
        Assert.Contains($"Restored {backup} (schema ", restored.Output, StringComparison.Ordinal);
        foreach (var table in new[] { "Articles", "Mentions", "Actors", "Incidents", "Claims", "AuditEntries" })
        {
            Assert.Equal(Scalar(Path.Combine(original, "newsdesk.db"), $"SELECT count(*) FROM {table}"), Scalar(otherDatabase, $"SELECT count(*) FROM {table}"));
        }

        var kept = Assert.Single(Directory.GetFiles(other, "newsdesk.db.before-restore-*"));
        Assert.Contains($"The database it replaced is kept at {kept}.", restored.Output, StringComparison.Ordinal);
        Assert.Equal(0, Scalar(kept, "SELECT count(*) FROM Mentions"));
    }

    [Fact]
    public async Task Restore_refuses_while_a_NewsDesk_serves_the_database()
    {
        var backup = Path.Combine(TestDirectory.Create(), "set.db");
        Assert.Equal(0, (await RunAsync(await NewInstallAsync(), "backup", "--out", backup)).ExitCode);
        await using var running = new SqliteNewsDeskFactory();
        await running.CreateClient().GetAsync("/healthz");
        var before = await running.CountAsync<Article>();

        var refused = await RunAsync(running.DataDirectory, "restore", "--from", backup);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"NewsDesk is running on {running.DatabasePath}; stop it before restoring", refused.Error, StringComparison.Ordinal);
        Assert.Equal(before, await running.CountAsync<Article>());
        Assert.Empty(Directory.GetFiles(running.DataDirectory, "*.before-restore-*"));
    }

    [Fact]
    public async Task Restore_refuses_files_that_are_not_NewsDesk_databases_naming_them()
    {
        var dataDirectory = await NewInstallAsync();
        var folder = TestDirectory.Create();
        var text = Path.Combine(folder, "notes.txt");
        await File.WriteAllTextAsync(text, "not a database");
        var foreign = Path.Combine(folder, "foreign.db");
        Execute(foreign, "CREATE TABLE Recipes (Id INTEGER PRIMARY KEY, Name TEXT);");
        var missing = Path.Combine(folder, "missing.db");

        var notSqlite = await RunAsync(dataDirectory, "restore", "--from", text);
        var notNewsDesk = await RunAsync(dataDirectory, "restore", "--from", foreign);
        var absent = await RunAsync(dataDirectory, "restore", "--from", missing);

        Assert.Equal(1, notSqlite.ExitCode);
        Assert.Contains($"{text} is not a NewsDesk database: it is not a SQLite file.", notSqlite.Error, StringComparison.Ordinal);
        Assert.Equal(1, notNewsDesk.ExitCode);
        Assert.Contains($"{foreign} is a SQLite file but not a NewsDesk database", notNewsDesk.Error, StringComparison.Ordinal);
        Assert.Equal(1, absent.ExitCode);
        Assert.Contains($"{missing} does not exist.", absent.Error, StringComparison.Ordinal);
        Assert.Equal(1, Scalar(Path.Combine(dataDirectory, "newsdesk.db"), "SELECT count(*) FROM Articles"));
        Assert.Empty(Directory.GetFiles(dataDirectory, "*.before-restore-*"));
    }

    [Fact]
    public async Task Restore_refuses_a_backup_from_a_newer_schema_naming_the_unknown_migration()
    {
        var dataDirectory = await NewInstallAsync();
        var backup = Path.Combine(TestDirectory.Create(), "future.db");
        Assert.Equal(0, (await RunAsync(dataDirectory, "backup", "--out", backup)).ExitCode);
        Execute(backup, "INSERT INTO __EFMigrationsHistory (MigrationId, ProductVersion) VALUES ('29991231000000_FromTheFuture', '99.0.0');");

        var refused = await RunAsync(dataDirectory, "restore", "--from", backup);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"{backup} is from a newer NewsDesk", refused.Error, StringComparison.Ordinal);
        Assert.Contains("29991231000000_FromTheFuture", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_refuses_a_damaged_backup()
    {
        var dataDirectory = await NewInstallAsync();
        var backup = Path.Combine(TestDirectory.Create(), "damaged.db");
        Assert.Equal(0, (await RunAsync(dataDirectory, "backup", "--out", backup)).ExitCode);
        await using (var file = new FileStream(backup, FileMode.Open))
        {
            // Scribble over the middle pages, leaving the header intact.
            file.Position = file.Length / 2;
            file.Write(Enumerable.Repeat((byte)0xA5, 16384).ToArray());
        }

        var refused = await RunAsync(dataDirectory, "restore", "--from", backup);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains(backup, refused.Error, StringComparison.Ordinal);
        Assert.Equal(1, Scalar(Path.Combine(dataDirectory, "newsdesk.db"), "SELECT count(*) FROM Articles"));
    }
}
