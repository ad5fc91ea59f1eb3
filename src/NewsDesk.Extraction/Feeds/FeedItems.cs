using System.Text.RegularExpressions;

namespace NewsDesk.Extraction.Feeds;

/// <summary>
/// Collects a feed's items one at a time, so that a bad entry is counted with its reason and skipped while the
/// others are read; stops keeping items (but goes on counting) past the limit.
/// </summary>
internal sealed partial class FeedItems(int maxItems)
{
    private readonly Dictionary<string, int> _skipped = new(StringComparer.Ordinal);
    private readonly List<FeedItem> _items = [];

    public int Total { get; private set; }
    public IReadOnlyList<FeedItem> Items => _items;
    public IReadOnlyDictionary<string, int> Skipped => _skipped;

    /// <summary>Reads one entry; <paramref name="read"/> returns the item or the reason it has none.</summary>
    public void Add(Func<(FeedItem? Item, string? Skip)> read)
    {
        Total++;
        if (_items.Count >= maxItems)
        {
            return;
        }

        try
        {
            var (item, skip) = read();
            if (item is not null)
            {
                _items.Add(item);
            }
            else
            {
                Skip(skip ?? "unreadable");
            }
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException or OverflowException or UriFormatException)
        {
            Skip($"unreadable ({ex.GetType().Name})");
        }
    }

    public void Skip(string reason) => _skipped[reason] = _skipped.GetValueOrDefault(reason) + 1;

    /// <summary>The absolute http(s) address of a link, or the reason it is not one.</summary>
    public static (Uri? Url, string? Skip) Resolve(string? link, Uri baseUrl)
    {
        if (string.IsNullOrWhiteSpace(link))
        {
            return (null, "without a link");
        }

        if (FeedParser.WebUrl(link, baseUrl) is { } url)
        {
            return (url, null);
        }

        var scheme = SchemePattern().Match(link.Trim());
        return (null, scheme.Success ? $"with a {scheme.Groups[1].Value.ToLowerInvariant()}: link" : "with an unusable link");
    }

    /// <summary>Titles may hold escaped HTML or entities; an item's title is plain text.</summary>
    public static string? PlainTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        var text = System.Net.WebUtility.HtmlDecode(Tags().Replace(title, " "));
        text = Spaces().Replace(text, " ").Trim();
        return text.Length == 0 ? null : text;
    }

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9+.\-]{0,20}):", RegexOptions.CultureInvariant)]
    private static partial Regex SchemePattern();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
