using System.Collections.Concurrent;

namespace NewsDesk.Web.Ingest.Politeness;

/// <summary>Each host's robots.txt rules, read once per cache period; concurrent callers share one download.</summary>
public sealed class RobotsCache(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The cached rules for an origin ("https://example.com:443"), loading them when missing or stale.</summary>
    public async Task<RobotsRules> GetAsync(string origin, Func<Task<(RobotsRules Rules, TimeSpan KeepFor)>> load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(load);
        var now = clock.GetUtcNow();
        var entry = _entries.AddOrUpdate(origin,
            _ => new Entry(load()),
            (_, old) => old.Load.IsCompleted && (old.Load.IsFaulted || old.ExpiresAt <= now) ? new Entry(load()) : old);
        var (rules, keepFor) = await entry.Load.WaitAsync(cancellationToken);
        entry.ExpiresAt = entry.ExpiresAt == default ? now + keepFor : entry.ExpiresAt;
        return rules;
    }

    private sealed class Entry(Task<(RobotsRules, TimeSpan)> load)
    {
        public Task<(RobotsRules Rules, TimeSpan KeepFor)> Load { get; } = load;
        public DateTimeOffset ExpiresAt { get; set; }
    }
}
