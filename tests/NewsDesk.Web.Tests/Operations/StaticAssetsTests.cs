using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Operations;

/// <summary>
/// Static files as the app serves them from its build output in Production (the README's <c>dotnet run</c>):
/// a browser's Accept-Encoding gets the pre-compressed variant, whose decoded bytes are the file in wwwroot.
/// </summary>
public class StaticAssetsTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    private string WebRoot => Path.Combine(factory.Services.GetRequiredService<IWebHostEnvironment>().ContentRootPath, "wwwroot");

    public static TheoryData<string, string> Assets()
    {
        var data = new TheoryData<string, string>();
        foreach (var (path, type) in StaticAssetResponses.OneOfEachType)
        {
            data.Add(path, type);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Assets))]
    public async Task A_browser_asking_for_gzip_gets_the_file_compressed_with_its_headers(string path, string contentType)
    {
        var encoding = await StaticAssetResponses.AssertServedAsFileAsync(factory.CreateFirstRunClient(), path, contentType, WebRoot);

        Assert.Equal("gzip", encoding);
    }

    [Theory]
    [MemberData(nameof(Assets))]
    public async Task A_client_without_Accept_Encoding_gets_the_file_as_it_is(string path, string contentType)
    {
        var (response, body) = await StaticAssetResponses.GetAsBrowserAsync(factory.CreateFirstRunClient(), path, acceptEncoding: "identity");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(WebRoot, path.TrimStart('/'))), body);
    }

    [Fact]
    public async Task A_repeated_request_with_the_ETag_gets_304()
    {
        var client = factory.CreateFirstRunClient();
        var (first, _) = await StaticAssetResponses.GetAsBrowserAsync(client, "/css/site.css");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/css/site.css");
        again.Headers.TryAddWithoutValidation("Accept-Encoding", StaticAssetResponses.BrowserAcceptEncoding);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var response = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task The_pages_link_the_stylesheet_by_a_fingerprinted_url_cached_for_a_year_as_immutable()
    {
        var client = factory.CreateFirstRunClient(allowAutoRedirect: true);
        var page = await client.GetDocumentAsync("/setup");
        var href = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).Single(h => h.Contains("site.", StringComparison.Ordinal));
        Assert.Matches(@"^/css/site\.[a-z0-9]{10}\.css$", href);

        var (response, body) = await StaticAssetResponses.GetAsBrowserAsync(client, href);

        Assert.True(StaticAssetResponses.IsImmutable(response), $"Cache-Control of {href}: {response.Headers.CacheControl}");
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(WebRoot, "css", "site.css")), body);
        var plain = (await StaticAssetResponses.GetAsBrowserAsync(client, "/css/site.css")).Response;
        Assert.Equal(new CacheControlHeaderValue { NoCache = true }, plain.Headers.CacheControl);
    }
}
