using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;
using NewsDesk.Web.Tests.Ingest;

namespace NewsDesk.Web.Tests.Cli;

public class SourcesVerbTests(FixtureSite site, IngestFactory factory) : IClassFixture<FixtureSite>, IClassFixture<IngestFactory>
{
    [Fact]
    public async Task Sources_add_of_a_feed_adds_it_and_sources_list_shows_it()
    {
        var url = site.Url("/feeds/atom.xml?items=verb-atom");

        var added = await RunAsync("sources", "add", url);
        var listed = await RunAsync("sources", "list");

        Assert.True(added.ExitCode == 0, added.Error);
        var source = await factory.ExecuteDbContextAsync(db => db.Sources.AsNoTracking().SingleAsync(s => s.Url == url));
        Assert.Equal((SourceKind.Feed, "Fixture Atom"), (source.Kind, source.Name));
        Assert.Contains($"Added source #{source.Id} (feed) Fixture Atom: {url}", added.Output, StringComparison.Ordinal);
        Assert.True(listed.ExitCode == 0, listed.Error);
        var row = listed.Output.Split('\n').Single(l => l.StartsWith($"{source.Id}\t", StringComparison.Ordinal)).TrimEnd('\r').Split('\t');
        Assert.Equal([source.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "never fetched", "feed", "0", "-", "-", "Fixture Atom", url, ""], row);
    }

    [Fact]
    public async Task Sources_add_with_a_name_and_kind_uses_them()
    {
        var url = site.Url("/sitemaps/news.xml?items=verb-sitemap");

        var added = await RunAsync("sources", "add", url, "--name", "News sitemap", "--kind", "sitemap");

        Assert.True(added.ExitCode == 0, added.Error);
        var source = await factory.ExecuteDbContextAsync(db => db.Sources.AsNoTracking().SingleAsync(s => s.Url == url));
        Assert.Equal((SourceKind.Sitemap, "News sitemap"), (source.Kind, source.Name));
    }

    [Fact]
    public async Task Sources_add_of_a_home_page_adds_its_first_feed_and_names_the_others()
    {
        var added = await RunAsync("sources", "add", site.Url("/home.html"));

        Assert.True(added.ExitCode == 0, added.Error);
        Assert.Contains("offering 2 feed(s)", added.Output, StringComparison.Ordinal);
        Assert.Contains(site.Url("/feeds/atom.xml?items=home-b"), added.Output, StringComparison.Ordinal);
        Assert.Equal(SourceKind.Feed, await factory.ExecuteDbContextAsync(db =>
            db.Sources.Where(s => s.Url == site.Url("/feeds/rss.xml?items=home-a")).Select(s => s.Kind).SingleAsync()));
    }

    [Fact]
    public async Task Sources_add_of_a_known_URL_or_an_unreachable_one_fails_with_a_message()
    {
        var url = site.Url("/feeds/rss.xml?items=verb-twice");
        await RunAsync("sources", "add", url);

        var again = await RunAsync("sources", "add", url);
        var broken = await RunAsync("sources", "add", site.Url("/feeds/broken.xml"));

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already exists", again.Error, StringComparison.Ordinal);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("HTTP 500", broken.Error, StringComparison.Ordinal);
        Assert.Equal(1, await factory.ExecuteDbContextAsync(db => db.Sources.CountAsync(s => s.Url == url)));
        Assert.Equal(0, await factory.ExecuteDbContextAsync(db => db.Sources.CountAsync(s => s.Url == site.Url("/feeds/broken.xml"))));
    }

    [Fact]
    public async Task Sources_add_of_a_refused_URL_with_an_explicit_kind_exits_1_with_one_line_and_adds_nothing()
    {
        var before = await factory.CountAsync<Source>();

        var refused = await RunAsync("sources", "add", "http://10.0.0.1/intranet.html", "--kind", "page", "--Ingest:AllowPrivateNetworks=false");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("Cannot add http://10.0.0.1/intranet.html: refused to connect to 10.0.0.1: private address", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", refused.Error, StringComparison.Ordinal);
        Assert.Equal(before, await factory.CountAsync<Source>());
    }

    [Fact]
    public async Task Sources_add_of_an_IPv6_literal_URL_gives_a_message_not_an_exception()
    {
        var added = await RunAsync("sources", "add", "http://[::1]:9/feed.xml", "--Ingest:AllowPrivateNetworks=false");

        Assert.Equal(1, added.ExitCode);
        Assert.Contains("Cannot add http://[::1]:9/feed.xml: refused to connect to ::1: loopback address", added.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", added.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sources_add_of_a_page_nested_200000_deep_is_refused_by_the_nesting_guard()
    {
        var url = site.Url("/hostile/deep.html");

        var added = await RunAsync("sources", "add", url, "--kind", "page");

        Assert.Equal(1, added.ExitCode);
        Assert.Contains("levels deep; refusing to parse it", added.Error, StringComparison.Ordinal);
        Assert.Equal(0, await factory.ExecuteDbContextAsync(db => db.Sources.CountAsync(s => s.Url == url)));
    }

    /// <summary>Runs the verb against the fixture site (private networks allowed unless the arguments say otherwise).</summary>
    private Task<AppProcess.Result> RunAsync(params string[] arguments) => AppProcess.RunAsync(
    [
        .. arguments, .. factory.StoreArguments, $"--NewsDesk:DataDirectory={factory.DataDirectory}",
        .. arguments.Any(a => a.StartsWith("--Ingest:AllowPrivateNetworks=", StringComparison.Ordinal)) ? [] : new[] { "--Ingest:AllowPrivateNetworks=true" },
        "--Ingest:PerHostDelay=00:00:00", "--Ingest:RetryBaseDelay=00:00:00.050",
    ]);
}
