namespace NewsDesk.Web.Ingest;

/// <summary>
/// Extracts pages over a megabyte one at a time in the process. Up to 16 pages are in flight at once (4 sources x 4
/// items), and a page's extraction needs about 40 times its size while it runs (the decoded text, AngleSharp's
/// document, the blocks, the text and the sanitized HTML): two 5 MB pages extracted side by side cost as much as the
/// whole scrape of small ones. Small pages never wait; a large page waits only for another large page.
/// </summary>
public sealed class LargePageGate(int thresholdBytes = LargePageGate.DefaultThresholdBytes) : IDisposable
{
    public const int DefaultThresholdBytes = 1024 * 1024;

    private readonly SemaphoreSlim _one = new(1, 1);
    private int _waiting;

    /// <summary>Bodies larger than this many bytes take turns.</summary>
    public int ThresholdBytes { get; } = thresholdBytes;

    /// <summary>Large pages waiting for their turn now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Waits for the turn of a body of <paramref name="bytes"/>; dispose the result when its extraction ends.</summary>
    public async ValueTask<IDisposable> EnterAsync(int bytes, CancellationToken cancellationToken)
    {
        if (bytes <= ThresholdBytes)
        {
            return Pass.Free;
        }

        Interlocked.Increment(ref _waiting);
        try
        {
            await _one.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        return new Pass(_one);
    }

    public void Dispose() => _one.Dispose();

    private sealed class Pass(SemaphoreSlim? turn) : IDisposable
    {
        public static readonly Pass Free = new(null);
        private int _released;

        public void Dispose()
        {
            if (turn is not null && Interlocked.Exchange(ref _released, 1) == 0)
            {
                turn.Release();
            }
        }
    }
}
