using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace NewsDesk.Web.Ingest.Politeness;

/// <summary>
/// Per-host politeness shared by every fetch in the process: at most <see cref="IngestOptions.PerHostConcurrency"/>
/// requests in flight to a host, and starts at least <see cref="IngestOptions.PerHostDelay"/> apart.
/// </summary>
public sealed class HostThrottle(IOptions<IngestOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, HostGate> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits for the host's turn; dispose the result when the response has been read.</summary>
    public async Task<IAsyncDisposable> EnterAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var gate = _hosts.GetOrAdd(url.IdnHost, _ => new HostGate(Math.Max(1, options.Value.PerHostConcurrency)));
        await gate.Slots.WaitAsync(cancellationToken);
        try
        {
            TimeSpan wait;
            lock (gate)
            {
                var now = clock.GetUtcNow();
                var start = gate.NextStart > now ? gate.NextStart : now;
                gate.NextStart = start + options.Value.PerHostDelay;
                wait = start - now;
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, cancellationToken);
            }

            return new Slot(gate);
        }
        catch
        {
            gate.Slots.Release();
            throw;
        }
    }

    private sealed class HostGate(int concurrency)
    {
        public SemaphoreSlim Slots { get; } = new(concurrency, concurrency);
        public DateTimeOffset NextStart { get; set; }
    }

    private sealed class Slot(HostGate gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Slots.Release();
            }

            return ValueTask.CompletedTask;
        }
    }
}
