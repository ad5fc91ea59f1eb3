using System.Security.Cryptography;
using System.Text;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Ingest;

namespace NewsDesk.Web.Tests.Evidence;

public class CaptureTests(EvidenceSite site, IngestFactory factory) : IClassFixture<EvidenceSite>, IClassFixture<IngestFactory>
{
    [Fact]
    public async Task A_stored_article_has_a_WARC_request_and_response_that_warcio_reads_back_byte_identical()
    {
        var url = site.Url("/news/warc-one.html");
        var source = await factory.AddSourceAsync(url, SourceKind.Page);

        await factory.FetchSourceAsync(source);

        var article = Assert.Single(await factory.ArticlesOfAsync(source));
        var version = Assert.Single(await WarcBytes.VersionsAsync(factory, article.Id));
        var capture = version.Capture!;
        Assert.Null(version.NotCapturedReason);
        var served = Encoding.UTF8.GetBytes(site.Page("warc-one"));
        var records = await Warcio.ReadAsync(WarcBytes.FileOf(factory, capture));
        Assert.Equal(["warcinfo", "request", "response"], records.Select(r => r.Type));
        var (request, response) = (records[1], records[2]);
        Assert.Equal(served, response.Payload);
        Assert.Equal(url, response.Header("WARC-Target-URI"));
        Assert.Equal(url, request.Header("WARC-Target-URI"));
        Assert.Equal("127.0.0.1", response.Header("WARC-IP-Address"));
        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(served)), response.Header("WARC-Payload-Digest"));
        Assert.Equal(response.PayloadSha256, capture.PayloadSha256);
        Assert.Matches("^<urn:uuid:[0-9a-f-]{36}>$", response.Header("WARC-Record-ID"));
        Assert.Equal(response.Header("WARC-Record-ID"), request.Header("WARC-Concurrent-To"));
        Assert.Equal(capture.ResponseRecordId, response.Header("WARC-Record-ID"));
        Assert.True(DateTimeOffset.UtcNow - DateTimeOffset.Parse(response.Header("WARC-Date"), System.Globalization.CultureInfo.InvariantCulture) < TimeSpan.FromMinutes(5));
        Assert.Equal("HTTP/1.1 200 OK", response.HttpStatusLine);
        Assert.Contains(response.HttpHeaders!, h => h[0].Equals("Content-Type", StringComparison.OrdinalIgnoreCase) && h[1] == "text/html; charset=utf-8");
        Assert.Contains(response.HttpHeaders!, h => h[0].Equals("Server", StringComparison.OrdinalIgnoreCase) && h[1] == "Kestrel");
        Assert.StartsWith("GET /news/warc-one.html HTTP/1.1", request.HttpStatusLine, StringComparison.Ordinal);
        Assert.Contains(request.HttpHeaders!, h => h[0].Equals("User-Agent", StringComparison.OrdinalIgnoreCase) && h[1].StartsWith("NewsDesk/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_index_row_points_at_exactly_the_pair_and_every_digest_matches_its_bytes()
    {
        var source = await factory.AddSourceAsync(site.Url("/news/warc-index.html"), SourceKind.Page);
        await factory.FetchSourceAsync(source);
        var capture = (await WarcBytes.VersionsAsync(factory, (await factory.ArticlesOfAsync(source))[0].Id))[0].Capture!;

        var stored = WarcBytes.StoredBytes(factory, capture);
        var byOffset = await Warcio.ReadAsync(WarcBytes.FileOf(factory, capture), capture.Offset, capture.Length);
        var raw = WarcBytes.Records(stored);

        Assert.Equal(capture.StoredSha256, Convert.ToHexStringLower(SHA256.HashData(stored)));
        Assert.Equal(["request", "response"], byOffset.Select(r => r.Type));
        Assert.All(raw, r => Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(r.Block)), r.Field("WARC-Block-Digest")));
        Assert.StartsWith("WARC/1.1\r\n", raw[0].Head, StringComparison.Ordinal);
        Assert.Equal("application/http;msgtype=response", raw[1].Field("Content-Type"));
        // Each record is its own gzip member: the response alone starts a valid gzip stream too.
        Assert.Equal((byte)0x1f, stored[0]);
    }

    [Fact]
    public async Task A_huge_header_set_is_capped_in_the_capture_and_marked_truncated()
    {
        var source = await factory.AddSourceAsync(site.Url("/crowded/warc-crowded.html"), SourceKind.Page);

        await factory.FetchSourceAsync(source);

        var capture = (await WarcBytes.VersionsAsync(factory, (await factory.ArticlesOfAsync(source))[0].Id))[0].Capture!;
        var response = WarcBytes.Records(WarcBytes.StoredBytes(factory, capture))[1];
        var httpHead = Encoding.UTF8.GetString(response.Block).Split("\r\n\r\n")[0];
        Assert.True(capture.HeadersTruncated);
        Assert.Equal("length", response.Field("WARC-Truncated"));
        Assert.InRange(httpHead.Length, 1000, 17 * 1024);
        Assert.Contains("X-Filler-00", httpHead, StringComparison.Ordinal);
        Assert.DoesNotContain("X-Filler-39", httpHead, StringComparison.Ordinal);
        Assert.EndsWith(site.Page("warc-crowded"), Encoding.UTF8.GetString(response.Block), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_captures_off_the_article_is_stored_and_its_version_says_why_there_is_no_capture()
    {
        await using var off = new IngestFactory();
        off.WithSetting("Evidence:KeepCaptures", "false");
        var source = await off.AddSourceAsync(site.Url("/news/warc-off.html"), SourceKind.Page);

        await off.FetchSourceAsync(source);

        var version = Assert.Single(await WarcBytes.VersionsAsync(off, (await off.ArticlesOfAsync(source))[0].Id));
        Assert.Null(version.CaptureId);
        Assert.Equal("captures are off (Evidence:KeepCaptures=false)", version.NotCapturedReason);
        Assert.Empty(await WarcBytes.CapturesAsync(off));
        Assert.False(Directory.Exists(Path.Combine(off.DataDirectory, "captures")));
    }

    [Fact]
    public async Task When_the_capture_store_is_full_articles_are_still_stored_with_the_reason()
    {
        await using var full = new IngestFactory();
        full.WithSetting("Evidence:MaxCaptureStoreBytes", "100");
        var source = await full.AddSourceAsync(site.Url("/news/warc-full.html"), SourceKind.Page);

        var summary = await full.FetchSourceAsync(source);

        Assert.Equal(1, summary.NewArticles);
        var version = Assert.Single(await WarcBytes.VersionsAsync(full, (await full.ArticlesOfAsync(source))[0].Id));
        Assert.Null(version.CaptureId);
        Assert.StartsWith("capture store full", version.NotCapturedReason, StringComparison.Ordinal);
        Assert.Contains("Evidence:MaxCaptureStoreBytes", version.NotCapturedReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_response_over_the_body_limit_is_neither_stored_nor_captured_and_the_fetch_log_says_so()
    {
        await using var small = new IngestFactory();
        small.WithSetting("Ingest:MaxBodyBytes", "100");
        var source = await small.AddSourceAsync(site.Url("/news/warc-big.html"), SourceKind.Page);

        var summary = await small.FetchSourceAsync(source);

        Assert.Contains("not stored and not captured", summary.Error, StringComparison.Ordinal);
        Assert.Empty(await small.ArticlesOfAsync(source));
        Assert.Empty(await WarcBytes.CapturesAsync(small));
    }

    [Fact]
    public async Task Files_rotate_at_the_size_limit_and_each_opens_with_a_warcinfo_record()
    {
        await using var rotating = new IngestFactory();
        rotating.WithSetting("Evidence:MaxWarcFileBytes", "2000");
        var first = await rotating.AddSourceAsync(site.Url("/news/warc-rot-a.html"), SourceKind.Page);
        var second = await rotating.AddSourceAsync(site.Url("/news/warc-rot-b.html"), SourceKind.Page);

        await rotating.FetchSourceAsync(first);
        await rotating.FetchSourceAsync(second);

        var captures = await WarcBytes.CapturesAsync(rotating);
        Assert.Equal(2, captures.Select(c => c.WarcFile).Distinct().Count());
        foreach (var capture in captures)
        {
            var records = await Warcio.ReadAsync(WarcBytes.FileOf(rotating, capture));
            Assert.Equal(["warcinfo", "request", "response"], records.Select(r => r.Type));
            Assert.Equal(capture.WarcFile, records[0].Header("WARC-Filename"));
        }
    }
}
