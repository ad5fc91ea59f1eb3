using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Ingest;

namespace NewsDesk.Web.Cli;

/// <summary><c>scrape --once</c>: fetch every enabled source now, wait for all, print one line per source (for cron).</summary>
public static class ScrapeVerb
{
    public static Command Create()
    {
        var once = new Option<bool>("--once") { Description = "Fetch every enabled source once and exit (required; serving runs the scraper continuously)." };
        var command = new Command("scrape", "Fetch every enabled source now and print a summary per source.") { once };
        command.SetAction((result, cancellationToken) => VerbHost.RunAsync(result, async (services, output, ct) =>
        {
            if (!result.GetValue(once))
            {
                await Console.Error.WriteLineAsync("scrape needs --once; to scrape continuously, run NewsDesk as a server (Ingest:Enabled=true).");
                return 2;
            }

            var db = services.GetRequiredService<NewsDeskDbContext>();
            var sources = await db.Sources.AsNoTracking().Where(s => s.Enabled).OrderBy(s => s.Id)
                .Select(s => new { s.Id, s.Name }).ToListAsync(ct);
            var results = await services.GetRequiredService<ScrapeRunner>().RunAsync([.. sources.Select(s => (s.Id, s.Name))], ct);
            foreach (var line in results)
            {
                await output.WriteLineAsync(line.ToString());
            }

            await output.WriteLineAsync($"{results.Count} source(s) fetched, {results.Sum(r => r.NewArticles)} new article(s), {results.Count(r => !r.Succeeded)} failed.");
            // A failing source is reported, not fatal: the run itself worked.
            return 0;
        }, cancellationToken));
        return command;
    }
}
