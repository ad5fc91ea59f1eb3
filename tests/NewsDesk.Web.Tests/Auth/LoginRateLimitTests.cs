using System.Net;
using AngleSharp.Html.Dom;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Auth;

public class LoginRateLimitTests
{
    [Fact]
    public async Task Login_posts_beyond_the_limit_get_429_while_the_form_still_opens()
    {
        await using var factory = new NewsDeskFactory().WithSetting("Auth:LoginAttemptsPerMinute", "3");
        var client = factory.CreateAnonymousClient();
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var login = await client.GetDocumentAsync("/account/login");
            var token = ((IHtmlInputElement)login.QuerySelector("form.login-form input[name=__RequestVerificationToken]")!).Value;
            var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Form.Email"] = "nobody@newsdesk.test",
                ["Form.Password"] = "Wrong-password-123",
                ["__RequestVerificationToken"] = token,
            }));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, (HttpStatusCode)429], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }
}
