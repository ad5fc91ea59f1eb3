using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Ingest;

namespace NewsDesk.Web.Cli;

/// <summary><c>sources add URL</c> and <c>sources list</c>: manage what the scraper reads, headless.</summary>
public static class SourcesVerb
{
    public static Command Create()
    {
        var command = new Command("sources", "Add or list the feeds, sitemaps and pages NewsDesk scrapes.");
        command.Subcommands.Add(CreateAdd());
        command.Subcommands.Add(CreateList());
        foreach (var sub in command.Subcommands)
        {
            sub.TreatUnmatchedTokensAsErrors = false;
        }

        return command;
    }

    private static Command CreateAdd()
    {
        var url = new Argument<string>("url") { Description = "The feed, sitemap or article page; a site's home page adds the feed it advertises." };
        var name = new Option<string?>("--name") { Description = "Name shown in lists (default: the feed's or page's title)." };
        var kind = new Option<SourceKindChoice>("--kind") { Description = "auto (look at the URL), feed, sitemap or page.", DefaultValueFactory = _ => SourceKindChoice.Auto };
        var command = new Command("add", "Add a source.") { url, name, kind };
        command.SetAction((result, cancellationToken) => VerbHost.RunAsync(result, async (services, output, ct) =>
        {
            var probe = await services.GetRequiredService<ISourceDiscovery>().ProbeAsync(result.GetValue(url)!, result.GetValue(kind), ct);
            if (probe.Failed)
            {
                await Console.Error.WriteLineAsync($"Cannot add {probe.Url}: {probe.Error}");
                return 1;
            }

            var sourceUrl = probe.Url;
            var sourceName = probe.Name;
            var sourceKind = probe.Kind;
            if (probe.Feeds.Count > 0)
            {
                // A home page: take the first feed it advertises (else the first sitemap of its robots.txt), and say which others there are.
                var chosen = probe.Feeds.FirstOrDefault(f => !f.IsSitemap) ?? probe.Feeds[0];
                sourceUrl = Domain.CanonicalUrl.Normalize(chosen.Url);
                sourceName = chosen.IsSitemap ? $"{chosen.Url.Host} sitemap" : chosen.Title ?? probe.Name;
                sourceKind = chosen.IsSitemap ? SourceKind.Sitemap : SourceKind.Feed;
                await output.WriteLineAsync($"{probe.Url} is a web page offering {probe.Feeds.Count} feed(s) or sitemap(s):");
                foreach (var feed in probe.Feeds)
                {
                    await output.WriteLineAsync($"  {feed.Url}  {(feed.IsSitemap ? "sitemap (robots.txt)" : feed.Title)}");
                }
            }

            var db = services.GetRequiredService<NewsDeskDbContext>();
            if (await db.Sources.AnyAsync(s => s.Url == sourceUrl, ct))
            {
                await Console.Error.WriteLineAsync($"A source with the URL {sourceUrl} already exists.");
                return 1;
            }

            var source = new Source
            {
                Name = result.GetValue(name) is { Length: > 0 } given ? given : sourceName,
                Url = sourceUrl,
                Kind = sourceKind ?? SourceKind.Page,
                CreatedAt = DateTime.UtcNow,
            };
            db.Sources.Add(source);
            await db.SaveChangesAsync(ct);
            await output.WriteLineAsync($"Added source #{source.Id} ({source.Kind.ToString().ToLowerInvariant()}) {source.Name}: {source.Url}");
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command CreateList()
    {
        var command = new Command("list", "List the sources with their state.");
        command.SetAction((result, cancellationToken) => VerbHost.RunAsync(result, async (services, output, ct) =>
        {
            var db = services.GetRequiredService<NewsDeskDbContext>();
            var sources = await db.Sources.AsNoTracking().OrderBy(s => s.Id)
                .Select(s => new { Source = s, Articles = s.Articles.Count })
                .ToListAsync(ct);
            await output.WriteLineAsync("id\tstate\tkind\tarticles\tlast fetch\tnext fetch\tname\turl\tlast error");
            foreach (var row in sources)
            {
                var s = row.Source;
                await output.WriteLineAsync(string.Join('\t',
                    s.Id.ToString(CultureInfo.InvariantCulture), SourceState.Of(s), s.Kind.ToString().ToLowerInvariant(),
                    row.Articles.ToString(CultureInfo.InvariantCulture), Time(s.LastFetchedAt), Time(s.NextFetchAt), s.Name, s.Url,
                    s.LastError?.ReplaceLineEndings(" ") ?? ""));
            }

            return 0;
        }, cancellationToken));
        return command;
    }

    private static string Time(DateTime? utc) => utc?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "-";
}
