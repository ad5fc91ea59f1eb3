using Microsoft.Extensions.Options;
using NewsDesk.Web.Data;

namespace NewsDesk.Web.Tests.Data.Caching;

/// <summary>The cache of pages and panels: kept until the store changes, and bounded in size.</summary>
public class VersionedCacheTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Serves_the_cached_value_until_the_store_version_changes()
    {
        var version = new StoreVersion();
        using var cache = new VersionedCache(version, Options.Create(new NewsDeskOptions()));
        var loads = 0;
        Task<string?> Load(CancellationToken _) => Task.FromResult<string?>($"load {++loads}");

        Assert.Equal("load 1", await cache.GetOrLoadAsync("page", Load, _ => 10, None));
        Assert.Equal("load 1", await cache.GetOrLoadAsync("page", Load, _ => 10, None));

        version.Committed(StoreChange.Content);

        Assert.Equal("load 2", await cache.GetOrLoadAsync("page", Load, _ => 10, None));
    }

    [Fact]
    public async Task Does_not_keep_nothing_found()
    {
        using var cache = new VersionedCache(new StoreVersion(), Options.Create(new NewsDeskOptions()));
        var loads = 0;
        Task<string?> Load(CancellationToken _)
        {
            loads++;
            return Task.FromResult<string?>(null);
        }

        Assert.Null(await cache.GetOrLoadAsync("missing", Load, _ => 10, None));
        Assert.Null(await cache.GetOrLoadAsync("missing", Load, _ => 10, None));
        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task Never_holds_more_than_its_size_limit()
    {
        using var cache = new VersionedCache(new StoreVersion(), Options.Create(new NewsDeskOptions { PageCacheMegabytes = 1 }));
        var loads = 0;
        Task<string?> Load(CancellationToken _) => Task.FromResult<string?>($"load {++loads}");

        // Bigger than the whole cache: served, but not kept.
        Assert.Equal("load 1", await cache.GetOrLoadAsync("huge", Load, _ => 2 * 1024 * 1024, None));
        Assert.Equal("load 2", await cache.GetOrLoadAsync("huge", Load, _ => 2 * 1024 * 1024, None));

        // Small entries are kept.
        Assert.Equal("load 3", await cache.GetOrLoadAsync("small", Load, _ => 1024, None));
        Assert.Equal("load 3", await cache.GetOrLoadAsync("small", Load, _ => 1024, None));
    }

    [Fact]
    public async Task Zero_megabytes_turns_the_cache_off()
    {
        using var cache = new VersionedCache(new StoreVersion(), Options.Create(new NewsDeskOptions { PageCacheMegabytes = 0 }));
        var loads = 0;
        Task<string?> Load(CancellationToken _) => Task.FromResult<string?>($"load {++loads}");

        Assert.Equal("load 1", await cache.GetOrLoadAsync("page", Load, _ => 10, None));
        Assert.Equal("load 2", await cache.GetOrLoadAsync("page", Load, _ => 10, None));
    }
}
