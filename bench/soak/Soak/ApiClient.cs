using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Soak;

/// <summary>
/// One API user's working day, compressed: reads articles and lists, searches, tags words (new and known actors),
/// re-points and deletes its own mentions, asks for suggestions, opens pages and exports, with a short pause between
/// steps. Only its own mentions are changed, so its ledger alone says what must be there at the end.
/// </summary>
public sealed class ApiClient(Account account, Uri app, Recorder recorder, Catalog catalog, Random random)
{
    private static readonly string[] Queries = ["Hezbollah", "attack", "border", "Tower", "militia", "\"local sources\"", "Hous*", "drone OR rocket"];

    public Ledger Ledger { get; } = new();

    public async Task RunAsync(CancellationToken stop)
    {
        using var api = account.ApiClient(app);
        using var pages = await account.PageClientAsync(app, stop);
        await catalog.RefreshAsync(api, stop);
        var mine = new List<int>();
        while (!stop.IsCancellationRequested)
        {
            await catalog.RefreshAsync(api, stop);
            var article = catalog.Article(random);
            var roll = random.Next(100);
            if (roll < 22)
            {
                await recorder.SendAsync("GET /api/articles/{id}", api, () => new(HttpMethod.Get, $"/api/articles/{article}"), stop);
            }
            else if (roll < 32)
            {
                await recorder.SendAsync("GET /api/articles?q=", api, () => new(HttpMethod.Get, $"/api/articles?q={Uri.EscapeDataString(Queries[random.Next(Queries.Length)])}"), stop);
            }
            else if (roll < 38)
            {
                await recorder.SendAsync("GET /api/articles", api, () => new(HttpMethod.Get, "/api/articles?limit=50"), stop);
            }
            else if (roll < 56)
            {
                await TagAsync(api, article, mine, stop);
            }
            else if (roll < 62 && mine.Count > 0)
            {
                // Re-pointing sends the version last read, so nobody's change is overwritten: read, then patch.
                var mention = mine[random.Next(mine.Count)];
                var (read, current) = await recorder.SendAsync("GET /api/mentions/{id}", api, () => new(HttpMethod.Get, $"/api/mentions/{mention}"), stop);
                if (read?.StatusCode == HttpStatusCode.OK)
                {
                    using var view = JsonDocument.Parse(current);
                    var version = view.RootElement.GetProperty("version").GetInt32();
                    await recorder.SendAsync("PATCH /api/mentions/{id}", api, () => new(HttpMethod.Patch, $"/api/mentions/{mention}")
                    {
                        Content = JsonContent.Create(new { entityType = "actor", newEntity = new { name = $"Soak re-pointed {Guid.NewGuid():N}", kind = "armed group" }, version }),
                    }, stop);
                }
            }
            else if (roll < 68 && mine.Count > 0)
            {
                var mention = mine[random.Next(mine.Count)];
                var (response, _) = await recorder.SendAsync("DELETE /api/mentions/{id}", api, () => new(HttpMethod.Delete, $"/api/mentions/{mention}"), stop);
                if (response?.StatusCode == HttpStatusCode.NoContent)
                {
                    Ledger.Deleted(mention);
                    mine.Remove(mention);
                }
                else if (response is null && stop.IsCancellationRequested)
                {
                    Ledger.DeleteUnanswered(mention);
                }
            }
            else if (roll < 78)
            {
                await recorder.SendAsync("GET /api/articles/{id}/suggestions", api, () => new(HttpMethod.Get, $"/api/articles/{article}/suggestions"), stop);
            }
            else if (roll < 88)
            {
                await recorder.SendAsync("GET /articles/{id} (page)", pages, () => new(HttpMethod.Get, $"/articles/{article}"), stop);
            }
            else if (roll < 94)
            {
                await recorder.SendAsync("GET /?q= (page)", pages, () => new(HttpMethod.Get, $"/?q={Uri.EscapeDataString(Queries[random.Next(Queries.Length)])}"), stop);
            }
            else if (roll < 98)
            {
                await recorder.SendAsync("GET /export mentions.csv", pages, () => new(HttpMethod.Get, "/export?handler=File&name=mentions.csv"), stop);
            }
            else
            {
                await recorder.SendAsync("GET /export zip", pages, () => new(HttpMethod.Get, "/export?handler=Zip"), stop);
            }

            await Pause(stop);
        }
    }

    private async Task TagAsync(HttpClient api, int article, List<int> mine, CancellationToken stop)
    {
        if (await catalog.TextAsync(api, article, stop) is not { } text || Catalog.Word(text, random) is not var (start, end))
        {
            return;
        }

        var known = random.Next(2) == 0 ? catalog.Actor(random) : null;
        object body = known is { } actorId
            ? new { start, end, quote = text[start..end], entityType = "actor", entityId = actorId }
            : new { start, end, quote = text[start..end], entityType = "actor", newEntity = new { name = $"Soak actor {Guid.NewGuid():N}", kind = "armed group" } };
        var (response, answer) = await recorder.SendAsync("POST /api/articles/{id}/mentions", api, () => new(HttpMethod.Post, $"/api/articles/{article}/mentions")
        {
            Content = JsonContent.Create(body),
        }, stop);
        if (response?.StatusCode == HttpStatusCode.Created)
        {
            using var created = JsonDocument.Parse(answer);
            var id = created.RootElement.GetProperty("id").GetInt32();
            Ledger.Created(id);
            mine.Add(id);
        }
        else if (response is null)
        {
            Ledger.CreateUnanswered();
        }
    }

    /// <summary>100-600 ms between steps: a quick analyst, not a flood.</summary>
    private async Task Pause(CancellationToken stop)
    {
        try
        {
            await Task.Delay(random.Next(100, 600), stop);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
