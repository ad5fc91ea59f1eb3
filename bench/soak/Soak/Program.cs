using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using Soak;

// Soak site PORT                       serve the changing news site until killed
// Soak large-seeds FOLDER MEGABYTES    a seeds folder with a large and a small article
// Soak large APP_URL ACCOUNTS PID      the server memory a large article costs, against the small one (Markdown table)
// Soak load APP_URL ACCOUNTS MINUTES API_CLIENTS BROWSERS OUT_DIR
//                                      the mixed load, then the check of every client's ledger; writes OUT_DIR/report.md
//                                      and OUT_DIR/ledgers.json (kept and deleted mention ids); exit 1 on any 5xx or loss
if (args is ["site", var port])
{
    var site = await ChangingSite.StartAsync(int.Parse(port, CultureInfo.InvariantCulture), DateTimeOffset.UtcNow);
    await site.WaitForShutdownAsync();
    return 0;
}

if (args is ["large-seeds", var folder, var megabytes])
{
    LargeArticle.WriteSeeds(folder, (int)(double.Parse(megabytes, CultureInfo.InvariantCulture) * 1_000_000));
    return 0;
}

if (args is ["large", var largeUrl, var largeAccounts, var serverPid])
{
    Console.WriteLine(await LargeArticle.MeasureAsync(new Uri(largeUrl), Account.Read(largeAccounts)[0], int.Parse(serverPid, CultureInfo.InvariantCulture)));
    return 0;
}

if (args is not ["load", var url, var accountsFile, var minutesText, var apiText, var browsersText, var outDir])
{
    Console.Error.WriteLine("usage: Soak site PORT | Soak load APP_URL ACCOUNTS MINUTES API_CLIENTS BROWSERS OUT_DIR");
    return 2;
}

var app = new Uri(url);
var accounts = Account.Read(accountsFile);
var minutes = double.Parse(minutesText, CultureInfo.InvariantCulture);
var recorder = new Recorder();
var catalog = new Catalog();
using (var first = accounts[0].ApiClient(app))
{
    await catalog.RefreshAsync(first, CancellationToken.None, force: true);
}

using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(minutes));
var apiClients = Enumerable.Range(0, int.Parse(apiText, CultureInfo.InvariantCulture))
    .Select(i => new ApiClient(accounts[i % accounts.Count], app, recorder, catalog, new Random(1000 + i)))
    .ToList();
var browserClients = Enumerable.Range(0, int.Parse(browsersText, CultureInfo.InvariantCulture))
    .Select(i => new BrowserClient(accounts[i % accounts.Count], app, recorder, catalog, new Random(2000 + i)))
    .ToList();

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

var clock = Stopwatch.StartNew();
var progress = Task.Run(async () =>
{
    while (!stop.IsCancellationRequested)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(1), stop.Token);
        }
        catch (OperationCanceledException)
        {
            break;
        }

        Console.WriteLine(FormattableString.Invariant($"{clock.Elapsed.TotalMinutes:0.0} min: {recorder.Requests} requests, {recorder.ServerErrors} 5xx or unanswered, {catalog.Articles} articles listed"));
    }
});
// A client that stops early is a failure of the run, recorded, not a reason to lose the other clients' figures.
async Task Guarded(string name, Func<Task> run)
{
    try
    {
        await run();
    }
    catch (Exception) when (stop.IsCancellationRequested)
    {
        // The run's end cancels whatever was in flight.
    }
    catch (Exception ex)
    {
        recorder.Add("a client that stopped early", 0, 0, $"{name} stopped: {ex.GetType().Name} {ex.Message.Split('\n')[0]}");
    }
}

await Task.WhenAll(apiClients.Select((c, i) => Guarded($"API client {i}", () => c.RunAsync(stop.Token)))
    .Concat(browserClients.Select((c, i) => Guarded($"Chromium page {i}", () => c.RunAsync(browser, stop.Token))))
    .Append(progress));
var seconds = clock.Elapsed.TotalSeconds;

// Every acknowledged mention must be there, every acknowledged deletion gone.
var ledgers = apiClients.Select(c => c.Ledger).Concat(browserClients.Select(c => c.Ledger)).ToList();
var kept = ledgers.SelectMany(l => l.Kept).ToList();
var gone = ledgers.SelectMany(l => l.Gone).ToList();
var unanswered = ledgers.Sum(l => l.UnansweredCreates);
var unsure = ledgers.SelectMany(l => l.Unsure).ToList();
var lost = new List<string>();
var resurrected = new List<string>();
using (var check = accounts[0].ApiClient(app))
{
    foreach (var id in kept)
    {
        using var response = await check.GetAsync($"/api/mentions/{id}");
        if (response.StatusCode != HttpStatusCode.OK)
        {
            lost.Add($"{id} ({(int)response.StatusCode})");
        }
    }

    foreach (var id in gone)
    {
        using var response = await check.GetAsync($"/api/mentions/{id}");
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            resurrected.Add($"{id} ({(int)response.StatusCode})");
        }
    }
}

Directory.CreateDirectory(outDir);
await File.WriteAllTextAsync(Path.Combine(outDir, "ledgers.json"), JsonSerializer.Serialize(new { kept, gone, unanswered, unsure }));
var report = string.Create(CultureInfo.InvariantCulture,
    $"{apiClients.Count} API clients and {browserClients.Count} Chromium pages for {seconds:0} s: {recorder.Requests} requests ({recorder.Requests / seconds:0.0}/s), ") +
    string.Create(CultureInfo.InvariantCulture, $"{recorder.ServerErrors} answered 5xx or not at all; Chromium steps that timed out: {recorder.UnfinishedSteps}\n") +
    string.Create(CultureInfo.InvariantCulture, $"mentions acknowledged (201): {kept.Count + gone.Count}, of which deleted (204): {gone.Count}; lost: {lost.Count} {string.Join(", ", lost.Take(10))}, deleted but still there: {resurrected.Count} {string.Join(", ", resurrected.Take(10))}; ") +
    string.Create(CultureInfo.InvariantCulture, $"sent as the run stopped and never answered: {unanswered} creates, {unsure.Count} deletes (either outcome is right)\n\n") +
    recorder.Report();
await File.WriteAllTextAsync(Path.Combine(outDir, "report.md"), report);
Console.WriteLine(report);
return recorder.ServerErrors == 0 && lost.Count == 0 && resurrected.Count == 0 ? 0 : 1;
