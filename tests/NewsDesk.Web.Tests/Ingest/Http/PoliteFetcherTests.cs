using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Web.Ingest.Http;

namespace NewsDesk.Web.Tests.Ingest.Http;

public class PoliteFetcherTests(FixtureSite site, IngestFactory factory) : IClassFixture<FixtureSite>, IClassFixture<IngestFactory>
{
    private PoliteFetcher Fetcher => factory.Services.GetRequiredService<PoliteFetcher>();

    private Task<FetchFailureException> FailsAsync(string url, PoliteFetcher? fetcher = null) =>
        Assert.ThrowsAsync<FetchFailureException>(() => (fetcher ?? Fetcher).FetchAsync(new Uri(url), CancellationToken.None));

    [Fact]
    public async Task A_redirect_chain_of_five_hops_is_followed_to_the_final_address()
    {
        var result = await Fetcher.FetchAsync(new Uri(site.Url("/redirect/5?to=/articles/chain.html")), CancellationToken.None);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(site.Url("/articles/chain.html"), result.FinalUrl.AbsoluteUri);
    }

    [Fact]
    public async Task A_sixth_redirect_is_refused()
    {
        var failure = await FailsAsync(site.Url("/redirect/6?to=/articles/chain6.html"));

        Assert.Equal(FetchFailureKind.Redirects, failure.Kind);
        Assert.Contains("more than 5 redirects", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, site.HitsOn("/articles/chain6.html"));
    }

    [Fact]
    public async Task A_redirect_loop_is_reported_as_a_loop()
    {
        var failure = await FailsAsync(site.Url("/loop/a"));

        Assert.Equal(FetchFailureKind.Redirects, failure.Kind);
        Assert.Contains("redirect loop", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_to_a_file_URL_is_refused()
    {
        var failure = await FailsAsync(site.Url("/redirect-to-file"));

        Assert.Equal(FetchFailureKind.Scheme, failure.Kind);
    }

    [Fact]
    public async Task A_gzip_bomb_stops_at_the_decompressed_size_limit()
    {
        var failure = await FailsAsync(site.Url("/bomb.xml"));

        Assert.Equal(FetchFailureKind.TooLarge, failure.Kind);
        Assert.Contains("16 MiB limit (decompressed)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gzip_response_is_decompressed()
    {
        var result = await Fetcher.FetchAsync(new Uri(site.Url("/feeds/gzip.xml?items=zipped")), CancellationToken.None);

        Assert.Contains("/articles/zipped.html", Encoding.UTF8.GetString(result.Body.Span), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_drip_stops_at_the_deadline_that_covers_the_body()
    {
        await using var shortDeadline = new IngestFactory().WithSetting("Ingest:RequestTimeout", "00:00:02");
        var fetcher = shortDeadline.Services.GetRequiredService<PoliteFetcher>();

        var failure = await FailsAsync(site.Url("/drip.xml"), fetcher);

        Assert.Equal(FetchFailureKind.Timeout, failure.Kind);
        Assert.Contains("within 2 s", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Waiting_for_a_busy_host_does_not_count_against_a_request_s_deadline()
    {
        // One request at a time to the host; each answer takes 0.7 s, well within the 2 s deadline, but the fifth
        // request waits about 2.8 s for its turn.
        await using var oneAtATime = new IngestFactory()
            .WithSetting("Ingest:PerHostConcurrency", "1")
            .WithSetting("Ingest:RequestTimeout", "00:00:02");
        var fetcher = oneAtATime.Services.GetRequiredService<PoliteFetcher>();
        await fetcher.FetchAsync(new Uri(site.Url("/articles/busy-warm-up.html")), CancellationToken.None);
        site.ResetConcurrency();

        var fetches = Enumerable.Range(1, 5).Select(i => fetcher.FetchAsync(new Uri(site.Url($"/slow/700/busy-{i}.html")), CancellationToken.None)).ToList();
        var results = await Task.WhenAll(fetches);

        Assert.All(results, r => Assert.Equal(200, r.StatusCode));
        // They did queue: never two at once.
        Assert.Equal(1, site.MaxInFlight);
    }

    [Fact]
    public async Task Waiting_for_a_busy_host_does_not_count_against_the_robots_txt_deadline()
    {
        // A second site on the same host (another port): its robots.txt is read through the host's one slot,
        // which the first site's four slow pages hold for about 2.8 s, past the 2 s deadline. Timed from before the
        // wait, robots.txt would count as unreachable and everything on the second site would be refused.
        var other = new FixtureSite();
        await other.InitializeAsync();
        try
        {
            await using var oneAtATime = new IngestFactory()
                .WithSetting("Ingest:PerHostConcurrency", "1")
                .WithSetting("Ingest:RequestTimeout", "00:00:02");
            var fetcher = oneAtATime.Services.GetRequiredService<PoliteFetcher>();
            await fetcher.FetchAsync(new Uri(site.Url("/articles/robots-busy-warm-up.html")), CancellationToken.None);

            var slow = Enumerable.Range(1, 4).Select(i => fetcher.FetchAsync(new Uri(site.Url($"/slow/700/robots-busy-{i}.html")), CancellationToken.None)).ToList();
            await Task.Delay(200);
            var page = await fetcher.FetchAsync(new Uri(other.Url("/articles/behind-the-queue.html")), CancellationToken.None);
            await Task.WhenAll(slow);

            Assert.Equal(200, page.StatusCode);
            Assert.Equal(1, other.HitsOn("/robots.txt"));
        }
        finally
        {
            await other.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_wrong_content_type_is_refused_before_the_body_is_read()
    {
        var failure = await FailsAsync(site.Url("/image.png"));

        Assert.Equal(FetchFailureKind.ContentType, failure.Kind);
        Assert.Contains("image/png", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_retried_after_the_wait()
    {
        var result = await Fetcher.FetchAsync(new Uri(site.Url("/feeds/limited.xml?items=patient")), CancellationToken.None);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(2, site.Requests.Count(r => r.PathAndQuery == "/feeds/limited.xml?items=patient"));
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_inline_wait_is_not_retried_but_reported()
    {
        var failure = await FailsAsync(site.Url("/feeds/long-wait.xml"));

        Assert.Equal(503, failure.HttpStatus);
        Assert.Equal(TimeSpan.FromHours(1), failure.RetryAfter);
        Assert.Equal(1, site.HitsOn("/feeds/long-wait.xml"));
    }

    [Fact]
    public async Task A_server_error_is_retried_with_back_off_before_failing()
    {
        var failure = await FailsAsync(site.Url("/feeds/broken.xml"));

        Assert.Equal(500, failure.HttpStatus);
        Assert.Equal(3, site.HitsOn("/feeds/broken.xml"));
    }

    [Fact]
    public async Task A_URL_disallowed_by_robots_txt_is_not_requested()
    {
        var failure = await FailsAsync(site.Url("/private/secret.html"));

        Assert.Equal(FetchFailureKind.Robots, failure.Kind);
        Assert.Equal(0, site.HitsOn("/private/secret.html"));
    }

    [Fact]
    public async Task Robots_txt_is_read_once_per_host_and_then_cached()
    {
        await using var fresh = new IngestFactory();
        var fetcher = fresh.Services.GetRequiredService<PoliteFetcher>();
        var before = site.HitsOn("/robots.txt");

        await fetcher.FetchAsync(new Uri(site.Url("/articles/cached-one.html")), CancellationToken.None);
        await fetcher.FetchAsync(new Uri(site.Url("/articles/cached-two.html")), CancellationToken.None);
        await Assert.ThrowsAsync<FetchFailureException>(() => fetcher.FetchAsync(new Uri(site.Url("/private/cached.html")), CancellationToken.None));

        Assert.Equal(before + 1, site.HitsOn("/robots.txt"));
        Assert.Equal(0, site.HitsOn("/private/cached.html"));
    }

    [Fact]
    public async Task Conditional_GET_sends_the_ETag_and_reports_304_as_not_modified()
    {
        var url = new Uri(site.Url("/feeds/rss.xml?items=cond"));
        var first = await Fetcher.FetchAsync(url, CancellationToken.None);

        var second = await Fetcher.FetchAsync(url, CancellationToken.None, first.ETag, first.LastModified);

        Assert.NotNull(first.ETag);
        Assert.True(second.NotModified);
        Assert.Contains(site.Requests, r => r.PathAndQuery == "/feeds/rss.xml?items=cond" && r.IfNoneMatch == first.ETag);
    }

    [Fact]
    public async Task The_body_comes_back_as_the_bytes_sent_with_their_content_type()
    {
        var result = await Fetcher.FetchAsync(new Uri(site.Url("/arabic.html")), CancellationToken.None);

        Assert.Equal(FixturePages.Arabic(), result.Body.ToArray());
        Assert.Equal("text/html; charset=windows-1256", result.ContentType);
    }

    [Fact]
    public async Task Requests_name_NewsDesk_in_the_User_Agent()
    {
        await Fetcher.FetchAsync(new Uri(site.Url("/articles/agent.html")), CancellationToken.None);

        var request = site.Requests.Last(r => r.PathAndQuery == "/articles/agent.html");
        Assert.StartsWith("NewsDesk/", request.UserAgent, StringComparison.Ordinal);
        Assert.Contains("+https://", request.UserAgent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/hostile/png.html", "the body is a PNG image, not text, although served as text/html")]
    [InlineData("/hostile/double-gzip.html", "the body is gzip data (compressed twice?), not text")]
    public async Task A_binary_body_is_refused_whatever_its_content_type_says(string path, string message)
    {
        var failure = await FailsAsync(site.Url(path));

        Assert.Equal(FetchFailureKind.ContentType, failure.Kind);
        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_with_a_byte_order_mark_or_a_few_stray_controls_is_still_text()
    {
        Assert.Null(BinaryBodySniffer.Describe([0xff, 0xfe, (byte)'<', 0, (byte)'h', 0]));
        Assert.Null(BinaryBodySniffer.Describe(Encoding.UTF8.GetBytes("<html><script>var s = '\u0001\u0002';</script>\u001b$B<p>text</p>")));
        Assert.Equal("binary data", BinaryBodySniffer.Describe(Encoding.UTF8.GetBytes("<html>" + new string('\u0001', 20))));
    }
}
