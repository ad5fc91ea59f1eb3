using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace NewsDesk.Web.Data;

/// <summary>
/// Read-mostly data (an article page, a history panel) kept in memory until the store changes: every key carries
/// the <see cref="StoreVersion"/> it was read at, so a write made through the app retires every entry at once.
/// A cache of its own, bounded in size (<see cref="NewsDeskOptions.PageCacheMegabytes"/>), so a crawler walking
/// every article cannot grow the process without limit; the least recently used entries go first.
/// </summary>
public sealed class VersionedCache(StoreVersion version, IOptions<NewsDeskOptions> options) : IDisposable
{
    /// <summary>An upper bound for writes that bypass the app (another process writing the same file).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private readonly MemoryCache? _cache = options.Value.PageCacheMegabytes > 0
        ? new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.PageCacheMegabytes * 1024L * 1024L })
        : null; // 0: no cache at all (every request loads; the benchmark's "cold" run)

    /// <summary>
    /// The cached value for <paramref name="key"/> at the current store version, or <paramref name="load"/>'s
    /// result, cached with the size <paramref name="bytes"/> estimates. A null result (nothing found) is not cached.
    /// </summary>
    /// <param name="includeBookkeeping">Also reload after bookkeeping-only saves (<see cref="StoreVersion.IncludingBookkeeping"/>).</param>
    public async Task<T?> GetOrLoadAsync<T>(
        object key, Func<CancellationToken, Task<T?>> load, Func<T, long> bytes, CancellationToken cancellationToken, bool includeBookkeeping = false)
        where T : class
    {
        // The version is read before loading: a write that commits during the load bumps it, so what was read
        // is filed under the older number and the next request loads again.
        if (_cache is null)
        {
            return await load(cancellationToken);
        }

        var versioned = (key, includeBookkeeping ? version.IncludingBookkeeping : version.Current, includeBookkeeping);
        if (_cache.TryGetValue(versioned, out T? cached) && cached is not null)
        {
            return cached;
        }

        var value = await load(cancellationToken);
        if (value is not null)
        {
            _cache.Set(versioned, value, new MemoryCacheEntryOptions { Size = Math.Max(1, bytes(value)), AbsoluteExpirationRelativeToNow = MaxAge });
        }

        return value;
    }

    public void Dispose() => _cache?.Dispose();
}
