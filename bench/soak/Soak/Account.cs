using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Soak;

/// <summary>An editor made by the <c>users</c> and <c>tokens</c> verbs: email, password and API token.</summary>
public sealed record Account(string Email, string Password, string Token)
{
    /// <summary>Reads run.sh's accounts file: one tab-separated line per account.</summary>
    public static List<Account> Read(string path) => File.ReadAllLines(path)
        .Where(line => line.Length > 0)
        .Select(line => line.Split('\t'))
        .Select(parts => new Account(parts[0], parts[1], parts[2]))
        .ToList();

    /// <summary>A client that calls the JSON API with the token.</summary>
    public HttpClient ApiClient(Uri app)
    {
        var client = new HttpClient { BaseAddress = app, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    /// <summary>A client signed in through the login form (cookies), for pages and the Export page's downloads.</summary>
    public async Task<HttpClient> PageClientAsync(Uri app, CancellationToken stop)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = app,
            Timeout = TimeSpan.FromMinutes(2),
        };
        // Many clients of one account sign in at once; the login's rate limit answers 429 with Retry-After, and a
        // person would wait and try again.
        for (var attempt = 1; ; attempt++)
        {
            var form = await client.GetStringAsync("/account/login", stop);
            var antiforgery = Regex.Match(form, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
            using var login = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Form.Email"] = Email,
                ["Form.Password"] = Password,
                ["__RequestVerificationToken"] = antiforgery,
            }), stop);
            if (login.StatusCode == HttpStatusCode.Redirect)
            {
                break;
            }

            if (login.StatusCode != HttpStatusCode.TooManyRequests || attempt == 20)
            {
                throw new InvalidOperationException($"Signing in as {Email} answered {(int)login.StatusCode}.");
            }

            await Task.Delay(login.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(5), stop);
        }

        return client;
    }
}
