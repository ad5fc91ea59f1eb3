using Microsoft.Data.Sqlite;
using NewsDesk.Web.Data.Sqlite;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Data.Caching;

/// <summary>The signal that lets cached pages see commits made by another process on the same SQLite file.</summary>
public sealed class SqliteFileChangeSignalTests : IDisposable
{
    private readonly string _directory = TestDirectory.Create();

    [Fact]
    public async Task Counts_a_commit_made_on_another_connection_and_nothing_for_reads()
    {
        var (other, signal) = await NewStoreAsync("store.db");
        await using var _ = other;
        var start = signal.Changes;

        await ExecuteAsync(other, "SELECT count(*) FROM Notes;");
        Assert.Equal(start, signal.Changes);

        await ExecuteAsync(other, "INSERT INTO Notes (Text) VALUES ('written by a cron job');");
        var afterInsert = signal.Changes;
        Assert.True(afterInsert > start, "an insert committed elsewhere is a change");

        await ExecuteAsync(other, "UPDATE Notes SET Text = 'edited';");
        Assert.True(signal.Changes > afterInsert, "so is an update");
    }

    [Fact]
    public async Task Counts_a_commit_after_a_checkpoint_emptied_the_log()
    {
        var (other, signal) = await NewStoreAsync("checkpointed.db");
        await using var _ = other;
        await ExecuteAsync(other, "INSERT INTO Notes (Text) VALUES ('a'); PRAGMA wal_checkpoint(TRUNCATE);");
        var start = signal.Changes;

        await ExecuteAsync(other, "INSERT INTO Notes (Text) VALUES ('b');");

        Assert.True(signal.Changes > start);
    }

    [Fact]
    public async Task A_write_of_our_own_that_we_acknowledge_is_not_counted()
    {
        var (ours, signal) = await NewStoreAsync("own.db");
        await using var _ = ours;
        var start = signal.Changes;

        await ExecuteAsync(ours, "INSERT INTO Notes (Text) VALUES ('a fetch log row');");
        signal.Acknowledge();

        Assert.Equal(start, signal.Changes);
        await ExecuteAsync(ours, "INSERT INTO Notes (Text) VALUES ('someone else');");
        Assert.True(signal.Changes > start, "a write not acknowledged still counts");
    }

    [Fact]
    public async Task Looks_at_the_files_at_most_once_per_interval()
    {
        var (other, signal) = await NewStoreAsync("slow.db", checkEvery: TimeSpan.FromHours(1));
        await using var _ = other;
        var start = signal.Changes;

        await ExecuteAsync(other, "INSERT INTO Notes (Text) VALUES ('not looked at yet');");

        Assert.Equal(start, signal.Changes);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        TestDirectory.TryDelete(_directory);
    }

    /// <summary>A WAL-mode store with a Notes table, a connection to write it, and a signal on its file.</summary>
    private async Task<(SqliteConnection Connection, SqliteFileChangeSignal Signal)> NewStoreAsync(string name, TimeSpan? checkEvery = null)
    {
        var path = Path.Combine(_directory, name);
        var connection = await OpenAsync(path);
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL; CREATE TABLE Notes (Id INTEGER PRIMARY KEY, Text TEXT);");
        return (connection, new SqliteFileChangeSignal(path, checkEvery ?? TimeSpan.Zero));
    }

    private static async Task<SqliteConnection> OpenAsync(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
