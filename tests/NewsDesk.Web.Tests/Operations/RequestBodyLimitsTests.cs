using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Operations;

public class RequestBodyLimitsTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    private static readonly string _twoMegabytes = new('x', 2 * 1024 * 1024);

    [Fact]
    public async Task An_oversized_login_post_is_a_413_not_a_500()
    {
        var client = factory.CreateAnonymousClient();
        var login = await client.GetDocumentAsync("/account/login");
        var token = ((IHtmlInputElement)login.QuerySelector("form.login-form input[name=__RequestVerificationToken]")!).Value;

        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Email"] = "someone@newsdesk.test",
            ["Form.Password"] = _twoMegabytes,
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("at most 1,048,576 bytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_form_post_without_a_length_is_counted_and_refused_with_413()
    {
        var client = factory.CreateClient();
        var form = await client.GetDocumentAsync("/actors/new");
        var token = ((IHtmlInputElement)form.QuerySelector("main form input[name=__RequestVerificationToken]")!).Value;
        var body = Encoding.UTF8.GetBytes($"__RequestVerificationToken={token}&Form.Name=Big&Form.Description={_twoMegabytes}");
        // A stream of unknown length goes out chunked: no Content-Length to refuse up front.
        var content = new StreamContent(new UnseekableStream(body));
        content.Headers.ContentType = new("application/x-www-form-urlencoded");

        var response = await client.PostAsync("/actors/new", content);

        Assert.Null(content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/actors")]
    [InlineData("/api/incidents")]
    [InlineData("/api/claims")]
    [InlineData("/api/articles/1/mentions")]
    public async Task An_oversized_API_body_is_a_413_problem(string path)
    {
        var response = await factory.CreateClient().PostAsync(path,
            new StringContent($$"""{"name":"{{_twoMegabytes}}"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_body_within_the_limit_is_served_as_before()
    {
        var response = await factory.CreateClient().PostAsync("/api/actors",
            new StringContent("""{"name":"Within the limit"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private sealed class UnseekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
