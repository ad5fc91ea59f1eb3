using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Cli;

/// <summary>
/// On PostgreSQL, <c>backup</c> and <c>restore</c> refuse with exit code 1 and name the server's own tools: a copy of
/// a live server database is the server's job (consistent, incremental, known to its administrators), and a verb
/// that half-worked would give a newsroom a backup it cannot trust. PostgreSQL whatever the suite runs on.
/// </summary>
[Trait(TestStore.EngineTrait, TestStore.FixedEngine)]
public sealed class PostgresBackupVerbTests : IAsyncLifetime
{
    private readonly string _dataDirectory = TestDirectory.Create();
    private readonly string _database = $"nd_backup_{Guid.NewGuid():N}"[..30];

    public Task InitializeAsync() => TestStore.EnsurePostgresDatabaseAsync(_database);

    public Task DisposeAsync() => TestStore.DropPostgresDatabaseAsync(_database);

    private Task<AppProcess.Result> RunAsync(params string[] arguments) => AppProcess.RunAsync(
        [.. arguments, "--NewsDesk:Database=PostgreSQL", $"--ConnectionStrings:NewsDesk={TestStore.PostgresDatabase(_database)}", $"--NewsDesk:DataDirectory={_dataDirectory}"]);

    [Fact]
    public async Task Backup_refuses_naming_pg_dump_and_writes_nothing()
    {
        var target = Path.Combine(TestDirectory.Create(), "newsdesk-backup.db");

        var refused = await RunAsync("backup", "--out", target);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"PostgreSQL database '{_database}'", refused.Error, StringComparison.Ordinal);
        Assert.Contains("pg_dump -Fc -f FILE DBNAME", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", refused.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(target)!));
    }

    [Fact]
    public async Task Restore_refuses_naming_pg_restore_and_leaves_the_database_as_it_was()
    {
        var source = Path.Combine(TestDirectory.Create(), "set.db");
        await File.WriteAllTextAsync(source, "whatever an operator points it at");

        var refused = await RunAsync("restore", "--from", source);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("restore it with pg_restore", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", refused.Error, StringComparison.Ordinal);
        Assert.Equal("whatever an operator points it at", await File.ReadAllTextAsync(source));
    }
}
