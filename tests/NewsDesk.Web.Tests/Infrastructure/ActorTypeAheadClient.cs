using System.Net.Http.Json;
using System.Text.Json;

namespace NewsDesk.Web.Tests.Infrastructure;

public static class ActorTypeAheadClient
{
    /// <summary>The actor names the type-ahead (<c>GET /api/actors?q=</c>) offers for a query, in its order.</summary>
    public static async Task<string[]> ActorNamesAsync(this HttpClient client, string query) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/actors?limit=50&q={Uri.EscapeDataString(query)}")).EnumerateArray().Select(a => a.GetProperty("name").GetString()!)];
}
