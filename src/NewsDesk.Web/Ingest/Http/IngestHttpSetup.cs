using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using NewsDesk.Web.Ingest.Politeness;
using Polly;

namespace NewsDesk.Web.Ingest.Http;

/// <summary>The scraper's one HTTP pipeline: a named client with the SSRF guard, no automatic redirects, and retries.</summary>
public static class IngestHttpSetup
{
    /// <summary>Registers options, the guarded HttpClient and the fetcher (everything needed to download politely).</summary>
    public static IServiceCollection AddIngestFetching(this IServiceCollection services)
    {
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.SectionName)
            .Validate(o => o.AllowedPrivateHosts.All(e => PrivateHostAllowance.TryParse(e, out _, out _)),
                "Ingest:AllowedPrivateHosts: every entry must be a host, host:port or http(s)://host[:port]")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<NetworkGuard>();
        services.AddSingleton<HostThrottle>();
        services.AddSingleton<RobotsCache>();
        services.AddSingleton<PoliteFetcher>();

        services.AddHttpClient(PoliteFetcher.ClientName, (provider, client) =>
            {
                // The fetcher's own deadline covers headers and body; HttpClient.Timeout would cover only the headers.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd(provider.GetRequiredService<IOptions<IngestOptions>>().Value.UserAgent);
                client.DefaultRequestHeaders.Accept.ParseAdd(
                    "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1");
            })
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                // Redirects are followed by PoliteFetcher, hop by hop, so each hop meets robots.txt and the limits.
                AllowAutoRedirect = false,
                // Decompressed here and counted by the fetcher as it reads: the cap applies to the real size.
                AutomaticDecompression = DecompressionMethods.All,
                // A proxy would make the guard check the proxy's address instead of the site's.
                UseProxy = false,
                UseCookies = false,
                ConnectTimeout = TimeSpan.FromSeconds(15),
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                MaxResponseHeadersLength = 64,
                ConnectCallback = provider.GetRequiredService<NetworkGuard>().ConnectAsync,
            })
            .AddResilienceHandler("ingest-retry", (pipeline, context) =>
            {
                var settings = context.ServiceProvider.GetRequiredService<IOptions<IngestOptions>>().Value;
                if (settings.MaxRetries < 1)
                {
                    return;
                }

                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = settings.MaxRetries,
                    Delay = settings.RetryBaseDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, settings.MaxRetryAfterWait)),
                });
            });
        return services;
    }

    /// <summary>
    /// 5xx, 408, 429 and network errors are retried, except a refused address (it will be refused again) and a
    /// Retry-After longer than we wait inline (the source's next fetch is postponed instead).
    /// </summary>
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfterWait)
    {
        if (!HttpClientResiliencePredicates.IsTransient(outcome) || PoliteFetcher.Blocked(outcome.Exception) is not null)
        {
            return false;
        }

        var retryAfter = outcome.Result?.Headers.RetryAfter;
        var wait = retryAfter?.Delta ?? (retryAfter?.Date - DateTimeOffset.UtcNow);
        return wait is null || wait <= maxRetryAfterWait;
    }
}
