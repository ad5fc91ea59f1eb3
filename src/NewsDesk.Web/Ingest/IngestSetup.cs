using System.Text;
using NewsDesk.Extraction;
using NewsDesk.Web.Ingest.Http;

namespace NewsDesk.Web.Ingest;

/// <summary>Registers the scraper: fetching, extraction, storing, the runner and the background worker.</summary>
public static class IngestSetup
{
    public static WebApplicationBuilder AddIngest(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Pages in windows-1256, shift_jis and other legacy charsets decode only with the code-page encodings.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        builder.Services.AddIngestFetching();
        builder.Services.AddSingleton<ArticleExtractor>();
        builder.Services.AddScoped<ArticleStore>();
        builder.Services.AddScoped<ArticleRows>();
        builder.Services.AddSingleton<RecentFingerprints>();
        builder.Services.AddSingleton<PageClaims>();
        builder.Services.AddSingleton<StoreTurns>();
        builder.Services.AddSingleton<LargePageGate>();
        builder.Services.AddScoped<SourceFetcher>();
        builder.Services.AddSingleton<IngestInstance>();
        builder.Services.AddScoped<SourceLeases>();
        builder.Services.AddSingleton<UnsavedSourceErrors>();
        builder.Services.AddSingleton<Sitemaps.SitemapCrawl>();
        builder.Services.AddSingleton<ScrapeRunner>();
        builder.Services.AddSingleton<ISourceDiscovery, SourceDiscovery>();
        builder.Services.AddHostedService<ScraperWorker>();
        return builder;
    }
}
