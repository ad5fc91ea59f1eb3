using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Watchlists;

namespace NewsDesk.Web.Cli;

/// <summary>
/// <c>digest --since DATE [--out DIR]</c>: one Markdown file per watchlist (per editor who follows something) listing
/// the articles flagged since then, for cron to mail or archive.
/// </summary>
public static class DigestVerb
{
    public static Command Create()
    {
        var since = new Option<string?>("--since") { Description = "Articles flagged at or after this time (ISO 8601 date or time, UTC)." };
        var output = new Option<string?>("--out") { Description = "The folder to write the digests to (default: the current folder)." };
        var command = new Command("digest", "Write one digest file per watchlist: the articles its watches flagged since a date.") { since, output };
        command.SetAction((result, cancellationToken) => VerbHost.RunAsync(result, async (services, stdout, ct) =>
        {
            if (!DateTime.TryParse(result.GetValue(since), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var from))
            {
                await Console.Error.WriteLineAsync("Give --since DATE (ISO 8601, e.g. 2024-07-26 or 2024-07-26T06:00Z): the digests list articles flagged since then.");
                return 2;
            }

            var folder = result.GetValue(output) is { Length: > 0 } dir ? dir : Directory.GetCurrentDirectory();
            Directory.CreateDirectory(folder);
            var db = services.GetRequiredService<NewsDeskDbContext>();
            var owners = await db.Watches.AsNoTracking().Select(w => w.Owner).Distinct().OrderBy(o => o).ToListAsync(ct);
            foreach (var owner in owners)
            {
                var articles = await WatchlistQueries.ArticlesAsync(db, owner, from, limit: 10_000, ct);
                var path = Path.Combine(folder, $"digest-{SafeName(owner)}-{from:yyyyMMdd}.md");
                await File.WriteAllTextAsync(path, Render(owner, from, articles), new UTF8Encoding(false), ct);
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{path}: {articles.Count} articles"));
            }

            if (owners.Count == 0)
            {
                await stdout.WriteLineAsync("Nobody follows anything yet: no digest written.");
            }

            return 0;
        }, cancellationToken));
        return command;
    }

    private static string Render(string owner, DateTime since, IReadOnlyList<WatchedArticle> articles)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# NewsDesk watchlist digest for {owner}\n\nArticles flagged since {since:yyyy-MM-dd HH:mm} UTC: {articles.Count}.\n\n");
        foreach (var article in articles)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {article.Title.ReplaceLineEndings(" ")} ({article.PublishedAt:yyyy-MM-dd}) <{article.Url}> — {string.Join(", ", article.MatchedBy)}\n");
        }

        return text.ToString();
    }

    private static string SafeName(string owner) => string.Concat(owner.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' ? c : '_'));
}
