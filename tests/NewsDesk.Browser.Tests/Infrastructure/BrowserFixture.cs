using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsDesk.Web.Auth;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Browser.Tests.Infrastructure;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 (a fresh SQLite file) and one headless Debian Chromium, shared by the
/// tests of a class. Nothing is downloaded: Playwright's driver ships in its package and drives /usr/bin/chromium.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    /// <summary>Where Debian's package puts Chromium; NEWSDESK_CHROMIUM points elsewhere on other systems.</summary>
    public const string DefaultChromium = "/usr/bin/chromium";

    /// <summary>Headless in a container: no sandbox (root), no GPU, nothing phoning home.</summary>
    public static readonly string[] ChromiumArguments = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly List<string> _directories = [];
    private IPlaywright? _playwright;

    public BrowserFixture()
    {
        App = new NewsDeskFactory();
        App.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public NewsDeskFactory App { get; }
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    /// <summary>Overrides app settings before start (e.g. a seeds folder); called from a derived constructor.</summary>
    protected void Configure(string key, string value) => App.WithSetting(key, value);

    /// <summary>A temporary folder deleted with the fixture.</summary>
    protected string CreateDirectory(string prefix)
    {
        var path = TestDirectory.Create(prefix);
        _directories.Add(path);
        return path;
    }

    /// <summary>
    /// The Chromium to drive. A missing browser fails every test with what to do, rather than Playwright's
    /// advice to download its own build (which cannot work offline and is not what CI uses).
    /// </summary>
    public static string ChromiumPath()
    {
        var path = Environment.GetEnvironmentVariable("NEWSDESK_CHROMIUM") is { Length: > 0 } configured ? configured : DefaultChromium;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {path}, and there is none. Install Debian's package " +
                "(`apt-get install -y chromium`, as .ci/run does) or set NEWSDESK_CHROMIUM to a Chromium executable.");
        }

        return path;
    }

    public async Task InitializeAsync()
    {
        var chromium = ChromiumPath();
        App.StartServer();
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.Single().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArguments,
        });
    }

    /// <summary>A fresh page (own cookies) signed in as an admin; the caller disposes its context.</summary>
    public Task<IPage> NewPageAsync() => NewPageAsync(Roles.Admin);

    /// <summary>A fresh page (own cookies) signed in with the role through the login form, as a person does.</summary>
    public async Task<IPage> NewPageAsync(string role)
    {
        await App.EnsureUserAsync(role);
        var page = await NewAnonymousPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#Form_Email", NewsDeskFactory.EmailOf(role));
        await page.FillAsync("#Form_Password", NewsDeskFactory.Password);
        await page.ClickAsync("form.login-form button[type=submit]");
        await page.Locator(".user-menu").WaitForAsync();
        return page;
    }

    /// <summary>A fresh page that has not signed in.</summary>
    public async Task<IPage> NewAnonymousPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
        foreach (var directory in _directories.Append(App.DataDirectory).Where(Directory.Exists))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

/// <summary>The app with only the seed articles: no starter actors or demo mentions, as a new newsroom would tag from scratch.</summary>
public sealed class BlankKnowledgeBaseFixture : BrowserFixture
{
    public BlankKnowledgeBaseFixture() => Configure("NewsDesk:SeedsDirectory", CopySeeds(CreateDirectory("newsdesk-seeds"), withActors: false));

    /// <summary>A seeds folder with the project's seed articles (and its starter actors), never the demo annotation.</summary>
    internal static string CopySeeds(string seeds, bool withActors)
    {
        var articles = Path.Combine(seeds, "articles");
        Directory.CreateDirectory(articles);
        var shipped = Path.Combine(AppContext.BaseDirectory, "seeds");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(shipped, "articles")))
        {
            File.Copy(file, Path.Combine(articles, Path.GetFileName(file)));
        }

        if (withActors)
        {
            File.Copy(Path.Combine(shipped, "actors.json"), Path.Combine(seeds, "actors.json"));
        }

        return seeds;
    }
}

/// <summary>
/// A new install without its demo annotation: the ICARO article and the starter actors, nothing tagged, no incident or
/// claim, so the article is coded (or its suggestions accepted) from scratch.
/// </summary>
public sealed class StarterActorsFixture : BrowserFixture
{
    public StarterActorsFixture() => Configure("NewsDesk:SeedsDirectory", BlankKnowledgeBaseFixture.CopySeeds(CreateDirectory("newsdesk-seeds"), withActors: true));
}

/// <summary>The app as a new install starts: the ICARO article, the starter actors and its demo annotation.</summary>
public sealed class DemoAnnotationFixture : BrowserFixture;
