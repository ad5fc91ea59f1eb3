using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace NewsDesk.Web.Tests.Operations.CrashSafety;

/// <summary>
/// What the API acknowledged: a mention it answered 201 for, or a deletion it answered 204 for. A deletion sent but
/// not answered (the kill came first) may or may not have been committed: <see cref="DeleteUnanswered"/> says either
/// state is right until the next check settles it.
/// </summary>
public sealed record AcknowledgedMention(int Id, int Start, int End, bool Deleted, bool DeleteUnanswered = false);

/// <summary>An editor's script tagging words of the article as new actors, and deleting some, until the app dies.</summary>
public sealed class Tagger(CrashStore store, Random random)
{
    private readonly List<AcknowledgedMention> _acknowledged = [];
    private readonly TaskCompletionSource _firstAcknowledged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the first 201: from then on the app is at work.</summary>
    public Task FirstAcknowledged => _firstAcknowledged.Task;

    public IReadOnlyList<AcknowledgedMention> Acknowledged => _acknowledged;

    public async Task RunAsync(CrashingApp app)
    {
        // A first request that compiles the API path has taken 20 s on a loaded machine; only the kill should end a request.
        using var client = new HttpClient { BaseAddress = app.Url, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", store.EditorToken);
        var words = Words(store.ArticleText);
        try
        {
            await app.StartedTask.WaitAsync(TimeSpan.FromMinutes(3));
            while (true)
            {
                var mine = _acknowledged.Where(m => !m.Deleted && !m.DeleteUnanswered).ToList();
                if (mine.Count > 0 && random.Next(5) == 0)
                {
                    var victim = mine[random.Next(mine.Count)];
                    var index = _acknowledged.IndexOf(victim);
                    // Marked before it is sent: if the kill lands between the commit and the 204, the mention is gone
                    // without an answer, which is right.
                    _acknowledged[index] = victim with { DeleteUnanswered = true };
                    var deleted = await client.DeleteAsync($"/api/mentions/{victim.Id}");
                    _acknowledged[index] = deleted.StatusCode == HttpStatusCode.NoContent
                        ? victim with { Deleted = true }
                        : victim;

                    continue;
                }

                var (start, end) = words[random.Next(words.Count)];
                var response = await client.PostAsJsonAsync($"/api/articles/{store.ArticleId}/mentions", new
                {
                    start,
                    end,
                    quote = store.ArticleText[start..end],
                    entityType = "actor",
                    newEntity = new { name = $"Crash actor {Guid.NewGuid():N}", kind = "armed group" },
                });
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                    _acknowledged.Add(new AcknowledgedMention(body.GetProperty("id").GetInt32(), start, end, Deleted: false));
                    _firstAcknowledged.TrySetResult();
                }
                else if (response.StatusCode >= HttpStatusCode.InternalServerError)
                {
                    throw new InvalidOperationException($"The API answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or TimeoutException or IOException)
        {
            // The app was killed: whatever was not answered was not acknowledged.
        }
    }

    private static List<(int Start, int End)> Words(string text)
    {
        var words = new List<(int, int)>();
        for (var i = 0; i < text.Length;)
        {
            var end = text.IndexOfAny([' ', '.'], i);
            end = end < 0 ? text.Length : end;
            if (end > i)
            {
                words.Add((i, end));
            }

            i = end + 1;
        }

        return words;
    }
}
