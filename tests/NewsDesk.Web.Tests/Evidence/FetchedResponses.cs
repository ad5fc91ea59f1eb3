using NewsDesk.Web.Ingest.Http;

namespace NewsDesk.Web.Tests.Evidence;

/// <summary>A fetch result as the scraper's fetcher returns it, with the HTTP exchange a capture records.</summary>
public static class FetchedResponses
{
    public static FetchResult Html(string url, byte[] body)
    {
        var uri = new Uri(url);
        return new FetchResult(uri, uri, 200, "text/html; charset=utf-8", body, null, null)
        {
            Exchange = new HttpExchange("GET", uri, new Version(1, 1), [new("Host", uri.Host)], 200, "OK",
                [new("Content-Type", "text/html; charset=utf-8")], "127.0.0.1", DateTimeOffset.UtcNow),
        };
    }
}
