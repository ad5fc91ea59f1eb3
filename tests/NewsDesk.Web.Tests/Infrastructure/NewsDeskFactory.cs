using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsDesk.Web.Auth;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Tests.Infrastructure;

/// <summary>
/// The real app on a fresh database in its own temporary data folder: a SQLite file, or with
/// <c>NEWSDESK_TEST_DB=postgres</c> a PostgreSQL database of its own (<see cref="TestStore"/>). One per test class
/// (<c>IClassFixture&lt;NewsDeskFactory&gt;</c>); a class about one engine pins it (<see cref="SqliteNewsDeskFactory"/>,
/// or the <c>engine</c> argument). Helpers named as in ContosoUniversity's SliceFixture.
/// <see cref="WebApplicationFactory{T}.CreateClient()"/> returns a client signed in as an admin through the real
/// login form (and carrying that admin's personal API token for /api), so tests written before sign-in existed
/// keep working; <see cref="CreateClientAsync"/> signs in with another role, <see cref="CreateAnonymousClient"/> not at all.
/// </summary>
public class NewsDeskFactory : WebApplicationFactory<Program>
{
    /// <summary>Every test user's password; the email is <c>ROLE@newsdesk.test</c>.</summary>
    public const string Password = "Test-password-2024";

    private readonly Dictionary<string, string?> _settings = [];
    private bool _ownsDirectory;
    private readonly Dictionary<string, string> _tokens = [];
    private readonly SemaphoreSlim _usersLock = new(1, 1);
    private readonly AsyncLocal<ClientMode?> _mode = new();

    private sealed record ClientMode(string? Role, bool ApiToken, bool SeedUsers);

    public NewsDeskFactory()
        : this(TestStore.DefaultEngine)
    {
    }

    /// <summary>A fresh app on the given engine, whatever the suite runs on (xunit allows a fixture one public constructor).</summary>
    protected NewsDeskFactory(TestEngine engine)
        : this(TestDirectory.Create(), engine)
    {
        _ownsDirectory = true;
    }

    protected NewsDeskFactory(string dataDirectory, TestEngine? engine = null)
    {
        DataDirectory = dataDirectory;
        Engine = engine ?? TestStore.DefaultEngine;
        _databasePath = Path.Combine(dataDirectory, "newsdesk.db");
        _settings["NewsDesk:DataDirectory"] = dataDirectory;
        if (Engine == TestEngine.Postgres)
        {
            PostgresDatabaseName = TestStore.DatabaseNameFor(dataDirectory);
            TestStore.EnsurePostgresDatabaseAsync(PostgresDatabaseName).GetAwaiter().GetResult();
            _settings["NewsDesk:Database"] = "PostgreSQL";
            _settings["ConnectionStrings:NewsDesk"] = TestStore.PostgresDatabase(PostgresDatabaseName);
        }
        else
        {
            _settings["ConnectionStrings:NewsDesk"] = $"Data Source={_databasePath}";
        }

        // All test clients share one (absent) remote address: the login limit is tested with its own factory.
        _settings["Auth:LoginAttemptsPerMinute"] = "100000";
        // Likewise every test's requests come from a handful of users: the per-user limits have their own tests.
        _settings["RateLimits:WritesPerMinute"] = "100000";
        _settings["RateLimits:SearchesPerMinute"] = "100000";
    }

    public static string EmailOf(string role) => $"{role}@newsdesk.test";

    /// <summary>A client signed in with the role through the login form; by default it also carries the user's API token.</summary>
    public async Task<HttpClient> CreateClientAsync(string role, bool apiToken = true, bool allowAutoRedirect = true)
    {
        var client = CreateAnonymousClient(allowAutoRedirect);
        var userId = await EnsureUserAsync(role);
        await SignInAsync(client, EmailOf(role));
        if (apiToken)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenOfAsync(role, userId));
        }

        return client;
    }

    /// <summary>A client that has not signed in (users exist, so the app is past its first run).</summary>
    public HttpClient CreateAnonymousClient(bool allowAutoRedirect = false) => Create(new ClientMode(null, false, SeedUsers: true), allowAutoRedirect);

    /// <summary>A client on the app exactly as it is, without creating any user (for the first-run setup).</summary>
    public HttpClient CreateFirstRunClient(bool allowAutoRedirect = false) => Create(new ClientMode(null, false, SeedUsers: false), allowAutoRedirect);

    /// <summary>Creates the user with the role if missing; returns their id.</summary>
    public async Task<string> EnsureUserAsync(string role, string? email = null)
    {
        await _usersLock.WaitAsync();
        try
        {
            await using var scope = Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<NewsDeskUser>>();
            email ??= EmailOf(role);
            if (await users.FindByEmailAsync(email) is { } existing)
            {
                return existing.Id;
            }

            var created = await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(email, role, Password);
            return created.User?.Id ?? throw new InvalidOperationException(string.Join(" ", created.Errors));
        }
        finally
        {
            _usersLock.Release();
        }
    }

    /// <summary>Signs the client in through the login form, as a person would.</summary>
    public static async Task SignInAsync(HttpClient client, string email, string password = Password)
    {
        var page = await client.GetDocumentAsync("/account/login");
        var token = (page.QuerySelector("form.login-form input[name=__RequestVerificationToken]") as IHtmlInputElement)?.Value
            ?? throw new InvalidOperationException("The login page has no form.");
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Email"] = email,
            ["Form.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        var signedIn = response.StatusCode == HttpStatusCode.Redirect
            || (response.IsSuccessStatusCode && response.RequestMessage?.RequestUri?.AbsolutePath != "/account/login");
        if (!signedIn)
        {
            throw new InvalidOperationException($"Signing in as {email} failed: {(int)response.StatusCode}.");
        }
    }

    private async Task<string> SignInCookieAsync(string email)
    {
        using var browser = Server.CreateClient();
        var login = await browser.GetAsync("/account/login");
        var page = await login.ReadDocumentAsync();
        var token = (page.QuerySelector("form.login-form input[name=__RequestVerificationToken]") as IHtmlInputElement)?.Value
            ?? throw new InvalidOperationException("The login page has no form.");
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Form.Email"] = email,
                ["Form.Password"] = Password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", CookiesOf(login));
        var response = await browser.SendAsync(post);
        var cookies = CookiesOf(response);
        return response.StatusCode == HttpStatusCode.Redirect && cookies.Contains("NewsDesk.Auth", StringComparison.Ordinal)
            ? cookies
            : throw new InvalidOperationException($"Signing in as {email} failed: {(int)response.StatusCode}.");
    }

    private static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);

    private HttpClient Create(ClientMode mode, bool allowAutoRedirect)
    {
        _mode.Value = mode;
        try
        {
            return CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = allowAutoRedirect });
        }
        finally
        {
            _mode.Value = null;
        }
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        var mode = _mode.Value ?? new ClientMode(Roles.Admin, ApiToken: true, SeedUsers: true);
        if (!mode.SeedUsers)
        {
            return;
        }

        // Runs off the test's synchronization context: CreateClient() is synchronous.
        Task.Run(async () =>
        {
            await EnsureUserAsync(Roles.Admin);
            if (mode.Role is not { } role)
            {
                return;
            }

            var userId = await EnsureUserAsync(role);
            // The client may not send a request before the factory sets its base address, so a separate one signs
            // in through the same form and this client carries the sign-in cookie it got.
            client.DefaultRequestHeaders.Add("Cookie", await SignInCookieAsync(EmailOf(role)));
            if (mode.ApiToken)
            {
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenOfAsync(role, userId));
            }
        }).GetAwaiter().GetResult();
    }

    private async Task<string> TokenOfAsync(string role, string userId)
    {
        lock (_tokens)
        {
            if (_tokens.TryGetValue(role, out var known))
            {
                return known;
            }
        }

        await using var scope = Services.CreateAsyncScope();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(userId, "tests", CancellationToken.None);
        lock (_tokens)
        {
            return _tokens.TryAdd(role, secret) ? secret : _tokens[role];
        }
    }

    /// <summary>A factory on an existing data folder (to start the app twice on the same files and database).</summary>
    public static NewsDeskFactory On(string dataDirectory, TestEngine? engine = null) => new(dataDirectory, engine);

    public string DataDirectory { get; }

    public TestEngine Engine { get; }

    /// <summary>The PostgreSQL database of this app (null on SQLite).</summary>
    public string? PostgresDatabaseName { get; }

    private readonly string _databasePath;

    /// <summary>The SQLite file; a test that needs it runs on SQLite only (<see cref="SqliteNewsDeskFactory"/>).</summary>
    public string DatabasePath => Engine == TestEngine.Sqlite
        ? _databasePath
        : throw new InvalidOperationException("This test reads the SQLite file: pin it to SQLite (SqliteNewsDeskFactory or engine: TestEngine.Sqlite).");

    /// <summary>The arguments that point a verb (<see cref="AppProcess"/>) at this app's database, on either engine.</summary>
    public string[] StoreArguments => Engine == TestEngine.Postgres
        ? ["--NewsDesk:Database=PostgreSQL", $"--ConnectionStrings:NewsDesk={_settings["ConnectionStrings:NewsDesk"]}"]
        : [$"--ConnectionStrings:NewsDesk=Data Source={_databasePath}"];

    /// <summary>Adds or replaces a configuration value; call before the first request.</summary>
    public NewsDeskFactory WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The environment a user's `dotnet run` or service has: no launch profile, no ASPNETCORE_ENVIRONMENT.
        // (WebApplicationFactory would otherwise pick Development, which enables things users do not get.)
        builder.UseEnvironment(Environments.Production);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public async Task ExecuteDbContextAsync(Func<NewsDeskDbContext, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>());
    }

    public async Task<T> ExecuteDbContextAsync<T>(Func<NewsDeskDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>());
    }

    public Task InsertAsync<T>(params T[] entities)
        where T : class => ExecuteDbContextAsync(async db =>
        {
            // AddRange(object) uses each entity's runtime type, so one call can insert an actor, an incident and a claim.
            db.AddRange(entities.Cast<object>());
            await db.SaveChangesAsync();
        });

    public Task<T?> FindAsync<T>(params object[] keys)
        where T : class => ExecuteDbContextAsync(db => db.Set<T>().FindAsync(keys).AsTask());

    public Task<int> CountAsync<T>()
        where T : class => ExecuteDbContextAsync(db => db.Set<T>().CountAsync());

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            if (_ownsDirectory && PostgresDatabaseName is { } database)
            {
                TestStore.DropPostgresDatabaseAsync(database).GetAwaiter().GetResult();
            }

            if (_ownsDirectory)
            {
                // A folder given to On(dir) belongs to the test that made it; one this factory made goes with it.
                _ownsDirectory = false;
                TestDirectory.TryDelete(DataDirectory);
            }
        }
    }
}
