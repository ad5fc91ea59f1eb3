using System.Threading.Channels;

namespace NewsDesk.Web.Ingest;

/// <summary>
/// How the storer cuts the queue into batches, and what it does after a large page (issue 20, finding 8). A large
/// page (a body over <see cref="LargePageGate.ThresholdBytes"/>) is stored in a batch of its own: it is not held,
/// with its body, text and HTML, while the batch's other pages are looked up, captured and inserted, and once its
/// batch commits nothing of it is reachable. A gen-2 collection compacting the large-object heap right after that
/// commit was measured too (session 12, bench/README: within the noise of the peak) and is not made.
/// </summary>
public static class StoreBatches
{
    /// <summary>
    /// Moves what is ready from the queue into <paramref name="batch"/> (empty on entry): up to
    /// <paramref name="batchSize"/> pages in the queue's order, stopping before a large page, or that large page alone
    /// when it is next. Every page queued is taken exactly once, in order.
    /// </summary>
    public static void Take<T>(ChannelReader<T> ready, List<T> batch, int batchSize, Func<T, bool> isLarge)
    {
        ArgumentNullException.ThrowIfNull(ready);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(isLarge);
        while (batch.Count < batchSize && ready.TryPeek(out var next))
        {
            var large = isLarge(next);
            if (large && batch.Count > 0)
            {
                return; // the batch so far is stored first
            }

            ready.TryRead(out next);
            batch.Add(next!);
            if (large)
            {
                return;
            }
        }
    }
}
