using Npgsql;

namespace NewsDesk.Web.Data.Postgres;

/// <summary>
/// Tells the other app instances on the same PostgreSQL database that the store changed, and hears them: after each
/// commit the save pipeline announces it (<c>NOTIFY newsdesk_store</c>, payload: this instance's id and whether pages
/// or only bookkeeping changed), and one connection per instance LISTENs. PostgreSQL delivers a notification within
/// milliseconds, so another instance's cached pages are retired well within a second. A lost listening connection
/// is opened again, and counts as a change (notifications may have been missed meanwhile).
/// </summary>
public sealed class PostgresChangeSignal : IExternalChangeSignal, IDisposable
{
    public const string Channel = "newsdesk_store";

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly CancellationTokenSource _stop = new();
    private readonly ILogger? _logger;
    private long _changes;
    private long _bookkeeping;

    public PostgresChangeSignal(string connectionString, ILogger? logger = null)
    {
        // The listener keeps one connection of its own; announcements borrow pooled ones.
        var builder = PostgresStoreEngine.Parse(connectionString);
        builder.KeepAlive = 30;
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        _logger = logger;
        Listening = Task.Run(() => ListenAsync(_stop.Token));
        // Start-up waits (briefly) for the subscription, so a change another instance commits after this instance
        // has started is never missed; a server that does not answer is reported by the start-up checks instead.
        _subscribed.Task.Wait(TimeSpan.FromSeconds(5));
    }

    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The listening loop (runs until disposed).</summary>
    public Task Listening { get; }

    /// <summary>True once the listening connection is subscribed (a change committed before that is not heard).</summary>
    public bool IsListening { get; private set; }

    public long Changes => Interlocked.Read(ref _changes);

    public long BookkeepingChanges => Interlocked.Read(ref _bookkeeping);

    public void Acknowledge()
    {
        // Our own announcements are told apart by the instance id; nothing to take as seen.
    }

    public void Announce(StoreChange change)
    {
        var payload = $"{_instance}:{(change.HasFlag(StoreChange.Content) ? "content" : "bookkeeping")}";
        // After the commit, off the request's path: a failed announcement costs other instances at most
        // VersionedCache.MaxAge of staleness, never a failed save.
        _ = Task.Run(async () =>
        {
            try
            {
                await using var command = _dataSource.CreateCommand("SELECT pg_notify(@channel, @payload)");
                command.Parameters.AddWithValue("channel", Channel);
                command.Parameters.AddWithValue("payload", payload);
                await command.ExecuteNonQueryAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or ObjectDisposedException)
            {
                _logger?.LogWarning(ex, "Could not tell other instances that the store changed");
            }
        });
    }

    private async Task ListenAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync(stop);
                connection.Notification += (_, e) => Heard(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stop);
                }

                IsListening = true;
                _subscribed.TrySetResult();
                while (!stop.IsCancellationRequested)
                {
                    await connection.WaitAsync(stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.IO.IOException)
            {
                if (IsListening)
                {
                    _logger?.LogWarning(ex, "Lost the connection that listens for other instances' changes; opening it again");
                    Interlocked.Increment(ref _changes);
                }

                IsListening = false;
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void Heard(string payload)
    {
        if (payload.StartsWith(_instance, StringComparison.Ordinal))
        {
            return;
        }

        Interlocked.Increment(ref payload.EndsWith(":content", StringComparison.Ordinal) ? ref _changes : ref _bookkeeping);
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            Listening.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _dataSource.Dispose();
        _stop.Dispose();
    }
}
