using System.Text.Json;

namespace NewsDesk.Extraction.Metadata;

/// <summary>The fields of the page's schema.org article object (JSON-LD), from whichever block declares one.</summary>
internal sealed class JsonLdArticle
{
    private static readonly HashSet<string> _articleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "BackgroundNewsArticle", "ReviewNewsArticle", "AskPublicNewsArticle", "BlogPosting", "LiveBlogPosting",
        "SocialMediaPosting", "Report", "TechArticle", "ScholarlyArticle", "SatiricalArticle", "Review",
    };

    private static readonly HashSet<string> _siteTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "WebSite", "Organization", "NewsMediaOrganization",
    };

    public string? Headline { get; private set; }
    public string? Author { get; private set; }
    public string? DatePublished { get; private set; }
    public string? Publisher { get; private set; }
    public string? Image { get; private set; }
    public string? Description { get; private set; }
    public string? Url { get; private set; }
    public string? Language { get; private set; }
    public string? ArticleBody { get; private set; }

    /// <summary>Reads every script block; the first article-typed object wins, later ones only fill gaps.</summary>
    public static JsonLdArticle Read(IEnumerable<string> scripts)
    {
        var result = new JsonLdArticle();
        string? websiteName = null;
        foreach (var script in scripts)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(script, new JsonDocumentOptions
                {
                    AllowTrailingCommas = true,
                    CommentHandling = JsonCommentHandling.Skip,
                    MaxDepth = 64,
                });
            }
            catch (JsonException)
            {
                continue;
            }

            using (document)
            {
                // Explicit stack: JSON-LD nests @graph arrays and objects, and a hostile page may nest deeply.
                var pending = new Stack<JsonElement>();
                pending.Push(document.RootElement);
                var ordered = new List<JsonElement>();
                while (pending.Count > 0)
                {
                    var element = pending.Pop();
                    if (element.ValueKind == JsonValueKind.Array)
                    {
                        for (var i = element.GetArrayLength() - 1; i >= 0; i--)
                        {
                            pending.Push(element[i]);
                        }
                    }
                    else if (element.ValueKind == JsonValueKind.Object)
                    {
                        ordered.Add(element);
                        if (element.TryGetProperty("@graph", out var graph))
                        {
                            pending.Push(graph);
                        }

                        if (element.TryGetProperty("mainEntity", out var main) && main.ValueKind == JsonValueKind.Object)
                        {
                            pending.Push(main);
                        }
                    }
                }

                foreach (var obj in ordered)
                {
                    if (HasType(obj, _articleTypes))
                    {
                        result.Fill(obj);
                    }
                    else if (websiteName is null && HasType(obj, _siteTypes))
                    {
                        websiteName = Text(obj, "name");
                    }
                }
            }
        }

        result.Publisher ??= websiteName;
        return result;
    }

    private void Fill(JsonElement obj)
    {
        Headline ??= Text(obj, "headline") ?? Text(obj, "name");
        Author ??= Names(obj, "author");
        DatePublished ??= Text(obj, "datePublished") ?? Text(obj, "dateCreated");
        Publisher ??= Names(obj, "publisher");
        Image ??= Url_(obj, "image") ?? Url_(obj, "thumbnailUrl");
        Description ??= Text(obj, "description");
        Url ??= Text(obj, "url") ?? Url_(obj, "mainEntityOfPage");
        Language ??= Text(obj, "inLanguage");
        ArticleBody ??= Text(obj, "articleBody");
    }

    private static bool HasType(JsonElement obj, HashSet<string> types)
    {
        if (!obj.TryGetProperty("@type", out var type))
        {
            return false;
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            return types.Contains(StripPrefix(type.GetString()!));
        }

        return type.ValueKind == JsonValueKind.Array
            && type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && types.Contains(StripPrefix(t.GetString()!)));
    }


    private static string StripPrefix(string type)
    {
        var slash = type.LastIndexOfAny(['/', ':']);
        return slash >= 0 ? type[(slash + 1)..] : type;
    }

    private static string? Text(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0)
        {
            value = value[0];
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>An author or publisher: a string, an object with a name, or an array of either.</summary>
    private static string? Names(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        var items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
        var names = new List<string>();
        foreach (var item in items)
        {
            var text = item.ValueKind switch
            {
                JsonValueKind.String => item.GetString(),
                JsonValueKind.Object => Text(item, "name"),
                _ => null,
            };
            if (!string.IsNullOrWhiteSpace(text) && !text.StartsWith("http", StringComparison.OrdinalIgnoreCase)
                && !names.Contains(text.Trim()))
            {
                names.Add(text.Trim());
            }
        }

        return names.Count > 0 ? string.Join(", ", names) : null;
    }

    /// <summary>An image or page reference: a URL string, an object with url/@id, or an array of either.</summary>
    private static string? Url_(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0)
        {
            value = value[0];
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object => Text(value, "url") ?? Text(value, "@id") ?? Text(value, "contentUrl"),
            _ => null,
        };
    }
}
