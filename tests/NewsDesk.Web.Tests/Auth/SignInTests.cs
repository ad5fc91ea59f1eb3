using System.Net;
using AngleSharp.Html.Dom;
using NewsDesk.Web.Auth;
using NewsDesk.Web.Pages.Account;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Auth;

public class SignInTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/actors")]
    [InlineData("/articles/1")]
    [InlineData("/export")]
    [InlineData("/audit")]
    [InlineData("/admin/users")]
    public async Task Anonymous_page_requests_are_sent_to_the_login_form(string url)
    {
        var response = await factory.CreateAnonymousClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
        Assert.Contains($"ReturnUrl={Uri.EscapeDataString(url)}", response.Headers.Location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_api_calls_get_401_and_login_and_healthz_stay_open()
    {
        var client = factory.CreateAnonymousClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/actors")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/api/actors", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Signing_in_returns_to_the_page_asked_for_and_logout_is_post_only()
    {
        await factory.EnsureUserAsync(Roles.Editor);
        var client = factory.CreateAnonymousClient();
        var login = await client.GetDocumentAsync("/account/login?ReturnUrl=%2Factors");
        var token = ((IHtmlInputElement)login.QuerySelector("form.login-form input[name=__RequestVerificationToken]")!).Value;

        var signedIn = await client.PostAsync("/account/login?ReturnUrl=%2Factors", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Email"] = NewsDeskFactory.EmailOf(Roles.Editor),
            ["Form.Password"] = NewsDeskFactory.Password,
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/actors", signedIn.Headers.Location!.OriginalString);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("NewsDesk.Auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/actors")).StatusCode);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.GetAsync("/account/logout")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/actors")).StatusCode);
        var loggedOut = await client.PostFormAsync("/account/logout");
        Assert.Equal(HttpStatusCode.Redirect, loggedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/actors")).StatusCode);
    }

    [Fact]
    public async Task A_return_url_to_another_site_is_ignored()
    {
        await factory.EnsureUserAsync(Roles.Viewer);
        var client = factory.CreateAnonymousClient();
        var login = await client.GetDocumentAsync("/account/login");
        var token = ((IHtmlInputElement)login.QuerySelector("form.login-form input[name=__RequestVerificationToken]")!).Value;

        var response = await client.PostAsync("/account/login?ReturnUrl=https%3A%2F%2Fevil.test%2F", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Email"] = NewsDeskFactory.EmailOf(Roles.Viewer),
            ["Form.Password"] = NewsDeskFactory.Password,
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await factory.EnsureUserAsync(Roles.Editor, "locked@newsdesk.test");
        var client = factory.CreateAnonymousClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var wrong = await TryLoginAsync(client, "locked@newsdesk.test", "Wrong-password-123");
            Assert.Equal(LoginModel.FailedMessage, wrong.Trim());
        }

        var right = await TryLoginAsync(client, "locked@newsdesk.test", NewsDeskFactory.Password);

        // Locked: the right password is refused too, with the same words as a wrong one (see the next test).
        Assert.Equal(LoginModel.FailedMessage, right.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/actors")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_email_a_wrong_password_and_a_locked_account_get_the_same_answer()
    {
        await factory.EnsureUserAsync(Roles.Editor, "locked-too@newsdesk.test");
        var client = factory.CreateAnonymousClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await TryLoginAsync(client, "locked-too@newsdesk.test", "Wrong-password-123");
        }

        var answers = new[]
        {
            await TryLoginAsync(client, "locked-too@newsdesk.test", "Wrong-password-123"),
            await TryLoginAsync(client, "nobody-here@newsdesk.test", "Wrong-password-123"),
            await TryLoginAsync(client, NewsDeskFactory.EmailOf(Roles.Admin), "Wrong-password-123"),
        };

        Assert.Single(answers.Distinct());
        Assert.DoesNotContain("This account", answers[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_that_breaks_the_policy_is_refused_with_the_reason()
    {
        var client = await factory.CreateClientAsync(Roles.Admin, allowAutoRedirect: false);

        var response = await client.PostFormAsync("/admin/users?handler=Invite", ("Invite.Email", "not-an-email"), ("Invite.Role", Roles.Editor));
        var page = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(page.QuerySelector("#new-password"));
        var weak = await client.PostFormAsync("/account/password", ("Form.CurrentPassword", NewsDeskFactory.Password), ("Form.NewPassword", "short"), ("Form.ConfirmPassword", "short"));
        Assert.Contains("at least 12 characters", (await weak.ReadDocumentAsync()).QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
    }

    private static async Task<string> TryLoginAsync(HttpClient client, string email, string password)
    {
        var login = await client.GetDocumentAsync("/account/login");
        var token = ((IHtmlInputElement)login.QuerySelector("form.login-form input[name=__RequestVerificationToken]")!).Value;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Email"] = email,
            ["Form.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        return (await response.ReadDocumentAsync()).QuerySelector(".alert-danger")?.TextContent ?? $"(no error, {(int)response.StatusCode})";
    }
}
