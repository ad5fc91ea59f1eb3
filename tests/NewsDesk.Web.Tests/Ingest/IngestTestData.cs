using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Ingest;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Ingest;

/// <summary>Helpers for scraper tests: add a source, fetch it through the real pipeline.</summary>
public static class IngestTestData
{
    public static async Task<int> AddSourceAsync(this NewsDeskFactory factory, string url, SourceKind kind = SourceKind.Feed, string? name = null)
    {
        var source = new Source { Name = name ?? url, Url = url, Kind = kind, CreatedAt = DateTime.UtcNow };
        await factory.InsertAsync(source);
        return source.Id;
    }

    public static async Task<SourceFetchSummary> FetchSourceAsync(this NewsDeskFactory factory, int sourceId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SourceFetcher>().FetchAsync(sourceId, CancellationToken.None);
    }

    public static Task<List<Article>> ArticlesOfAsync(this NewsDeskFactory factory, int sourceId) =>
        factory.ExecuteDbContextAsync(db => db.Articles.AsNoTracking().Where(a => a.SourceId == sourceId).OrderBy(a => a.Id).ToListAsync());

    public static Task<List<SourceFetch>> FetchLogAsync(this NewsDeskFactory factory, int sourceId) =>
        factory.ExecuteDbContextAsync(db => db.SourceFetches.AsNoTracking().Where(f => f.SourceId == sourceId).OrderBy(f => f.Id).ToListAsync());
}
