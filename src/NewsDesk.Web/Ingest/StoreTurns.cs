namespace NewsDesk.Web.Ingest;

/// <summary>
/// One storer at a time in this process. Sources are fetched side by side, each with its own storer, and their
/// batches would otherwise meet at the database's write lock: SQLite's busy handler then polls with sleeps of up to
/// 100 ms, so a writer waits long after the lock is free (the ingest benchmark spent most of its wall time so). Taking
/// turns here hands the lock from one batch to the next at once; downloads and extraction go on meanwhile.
/// </summary>
public sealed class StoreTurns : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>Waits for this storer's turn; dispose the result when its batch is committed.</summary>
    public async Task<IDisposable> TakeAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        return new Turn(_turn);
    }

    public void Dispose() => _turn.Dispose();

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                turn.Release();
            }
        }
    }
}
