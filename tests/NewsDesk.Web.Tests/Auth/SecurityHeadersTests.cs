using System.Net;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Auth;

public class SecurityHeadersTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    [Theory]
    [InlineData("/", true)]
    [InlineData("/account/login", false)]
    [InlineData("/articles/987654", true)]
    [InlineData("/healthz", false)]
    [InlineData("/api/actors", true)]
    public async Task Every_response_carries_the_security_headers(string url, bool signedIn)
    {
        var client = signedIn ? factory.CreateClient() : factory.CreateAnonymousClient();

        var response = await client.GetAsync(url);

        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-inline'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/articles/1")]
    [InlineData("/actors")]
    [InlineData("/audit")]
    [InlineData("/admin/users")]
    [InlineData("/account/tokens")]
    [InlineData("/timeline")]
    [InlineData("/collections")]
    [InlineData("/sources")]
    [InlineData("/sources/import")]
    [InlineData("/export")]
    [InlineData("/claims/new")]
    [InlineData("/incidents/new")]
    public async Task Pages_have_no_inline_scripts_event_handlers_or_styles(string url)
    {
        var page = await factory.CreateClient().GetDocumentAsync(url);

        Assert.All(page.QuerySelectorAll("script"), script => Assert.False(string.IsNullOrEmpty(script.GetAttribute("src")), "inline script"));
        Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(page.QuerySelectorAll("a[href^='javascript:' i]"));
        Assert.Empty(page.QuerySelectorAll("[style], style")); // style-src has no 'unsafe-inline'
    }

    [Fact]
    public async Task A_static_file_is_served_with_nosniff()
    {
        var response = await factory.CreateAnonymousClient().GetAsync("/css/site.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
