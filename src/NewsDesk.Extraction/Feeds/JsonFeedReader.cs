using System.Text;
using System.Text.Json;

namespace NewsDesk.Extraction.Feeds;

/// <summary>Reads JSON Feed 1.0 and 1.1 (jsonfeed.org) with System.Text.Json: items' url (else external_url), title, dates.</summary>
internal static class JsonFeedReader
{
    private static readonly JsonDocumentOptions _options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    /// <summary>The first character that is not white space (after a UTF-8 BOM) is "{".</summary>
    public static bool LooksLikeJson(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            content = content[3..];
        }

        var first = content.IndexOfAnyExcept((ReadOnlySpan<byte>)" \t\r\n"u8);
        return first >= 0 && content[first] == (byte)'{';
    }

    public static ParsedFeed Read(ReadOnlySpan<byte> content, Uri feedUrl, int maxItems)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            content = content[3..];
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(content.ToArray(), _options);
        }
        catch (JsonException ex)
        {
            throw new FeedFormatException($"not valid JSON: {ex.Message}", ex);
        }

        using (json)
        {
            var root = json.RootElement;
            var version = String(root, "version");
            if (root.ValueKind != JsonValueKind.Object || version is null || !version.Contains("jsonfeed.org/version/", StringComparison.OrdinalIgnoreCase))
            {
                throw new FeedFormatException("not a feed: a JSON document without a JSON Feed \"version\" (https://jsonfeed.org/version/1.1)");
            }

            var items = new FeedItems(maxItems);
            if (root.TryGetProperty("items", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    items.Add(() => Item(item, feedUrl));
                }
            }

            return new ParsedFeed(FeedFormat.JsonFeed, FeedItems.PlainTitle(String(root, "title")),
                FeedParser.WebUrl(String(root, "home_page_url"), feedUrl), items.Items, items.Total, items.Skipped,
                $"{Encoding.UTF8.WebName} (JSON)", null);
        }
    }

    private static (FeedItem?, string?) Item(JsonElement item, Uri feedUrl)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return (null, "that are not JSON objects");
        }

        var (url, reason) = FeedItems.Resolve(String(item, "url") ?? String(item, "external_url"), feedUrl);
        if (url is null)
        {
            return (null, reason);
        }

        var date = FeedDates.Parse(String(item, "date_published") ?? String(item, "date_modified"));
        return (new FeedItem(url, FeedItems.PlainTitle(String(item, "title")), date, String(item, "language")), null);
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() : null;
}
