using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Web.Auth;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Auth;

/// <summary>
/// Whether an account exists must not show in how long a refusal takes. Not timed (timings belong in bench/):
/// the test counts the password-hash checks, the work that made an unknown email answer in 3 ms and a known one in 40.
/// </summary>
public class LoginTimingTests(LoginTimingTests.CountingFactory factory) : IClassFixture<LoginTimingTests.CountingFactory>
{
    /// <summary>The real app, with the real password hasher wrapped to count its checks.</summary>
    public sealed class CountingFactory : NewsDeskFactory
    {
        public CountingHasher Hasher { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<NewsDeskUser>>(Hasher));
        }
    }

    public sealed class CountingHasher : IPasswordHasher<NewsDeskUser>
    {
        private readonly PasswordHasher<NewsDeskUser> _real = new();
        private int _checks;

        public int Checks => Volatile.Read(ref _checks);

        public string HashPassword(NewsDeskUser user, string password) => _real.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(NewsDeskUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _checks);
            return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task An_unknown_email_and_a_locked_account_cost_one_password_hash_like_a_wrong_password()
    {
        await factory.EnsureUserAsync(Roles.Editor, "timing-locked@newsdesk.test");
        await factory.EnsureUserAsync(Roles.Viewer, "timing-known@newsdesk.test");
        var client = factory.CreateAnonymousClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await TryLoginAsync(client, "timing-locked@newsdesk.test", "Wrong-password-123");
        }

        var known = await ChecksDuringAsync(() => TryLoginAsync(client, "timing-known@newsdesk.test", "Wrong-password-123"));
        var unknown = await ChecksDuringAsync(() => TryLoginAsync(client, "timing-nobody@newsdesk.test", "Wrong-password-123"));
        var locked = await ChecksDuringAsync(() => TryLoginAsync(client, "timing-locked@newsdesk.test", "Wrong-password-123"));

        Assert.Equal((1, 1, 1), (known, unknown, locked));
    }

    private async Task<int> ChecksDuringAsync(Func<Task> action)
    {
        var before = factory.Hasher.Checks;
        await action();
        return factory.Hasher.Checks - before;
    }

    private static async Task TryLoginAsync(HttpClient client, string email, string password)
    {
        var login = await client.GetDocumentAsync("/account/login");
        var token = ((IHtmlInputElement)login.QuerySelector("form.login-form input[name=__RequestVerificationToken]")!).Value;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Email"] = email,
            ["Form.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
