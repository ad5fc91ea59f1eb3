using System.Text.Json;
using System.Text.RegularExpressions;

namespace Soak;

/// <summary>Article ids, their texts and actor ids the clients pick from; refreshed as the scraper adds articles.</summary>
public sealed partial class Catalog
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, string> _texts = [];
    private int[] _articles = [];
    private int[] _actors = [];
    private DateTime _refreshedAt = DateTime.MinValue;

    public int Articles
    {
        get
        {
            lock (_lock)
            {
                return _articles.Length;
            }
        }
    }

    public async Task RefreshAsync(HttpClient api, CancellationToken stop, bool force = false)
    {
        lock (_lock)
        {
            if (!force && DateTime.UtcNow - _refreshedAt < TimeSpan.FromSeconds(30))
            {
                return;
            }

            _refreshedAt = DateTime.UtcNow;
        }

        using var list = JsonDocument.Parse(await api.GetStringAsync("/api/articles?limit=100", stop));
        var articles = list.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToArray();
        using var actors = JsonDocument.Parse(await api.GetStringAsync("/api/actors?limit=50", stop));
        var root = actors.RootElement.ValueKind == JsonValueKind.Array ? actors.RootElement : actors.RootElement.GetProperty("items");
        var actorIds = root.EnumerateArray().Select(a => a.GetProperty("id").GetInt32()).ToArray();
        lock (_lock)
        {
            _articles = articles;
            _actors = actorIds.Length > 0 ? actorIds : _actors;
        }
    }

    public int Article(Random random)
    {
        lock (_lock)
        {
            return _articles[random.Next(_articles.Length)];
        }
    }

    public int? Actor(Random random)
    {
        lock (_lock)
        {
            return _actors.Length == 0 ? null : _actors[random.Next(_actors.Length)];
        }
    }

    /// <summary>The article's stored text, read once through the API (offsets are UTF-16 indices into it).</summary>
    public async Task<string?> TextAsync(HttpClient api, int article, CancellationToken stop)
    {
        lock (_lock)
        {
            if (_texts.TryGetValue(article, out var known))
            {
                return known;
            }
        }

        using var response = await api.GetAsync($"/api/articles/{article}", stop);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(stop));
        var text = body.RootElement.GetProperty("text").GetString() ?? "";
        lock (_lock)
        {
            _texts[article] = text;
        }

        return text;
    }

    /// <summary>A random word of the text (letters with their combining marks), as [start, end).</summary>
    public static (int Start, int End)? Word(string text, Random random)
    {
        var words = WordPattern().Matches(text);
        if (words.Count == 0)
        {
            return null;
        }

        var word = words[random.Next(words.Count)];
        return (word.Index, word.Index + word.Length);
    }

    [GeneratedRegex(@"[\p{L}\p{M}]{3,}")]
    private static partial Regex WordPattern();
}
