using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace NewsDesk.Extraction.Metadata;

/// <summary>Reads title, byline, date, site, language, canonical URL and image from JSON-LD, meta tags and markup.</summary>
internal static class MetadataReader
{
    public static PageMetadata Read(IHtmlDocument document, Uri url)
    {
        var scan = PageScan.Of(document);
        var meta = ReadMetaTags(scan.MetaTags);
        var jsonLd = JsonLdArticle.Read(scan.JsonLdScripts);

        var title = Clean(jsonLd.Headline) ?? Meta(meta, "og:title") ?? Meta(meta, "twitter:title")
            ?? SingleHeading(scan) ?? Clean(document.Title);

        var byline = Clean(jsonLd.Author) ?? NonUrl(Meta(meta, "author")) ?? NonUrl(Meta(meta, "article:author"))
            ?? NonUrl(Meta(meta, "parsely-author")) ?? NonUrl(Meta(meta, "sailthru.author")) ?? Meta(meta, "dc.creator") ?? BylineInMarkup(scan);

        var published = PageDate.TryParse(jsonLd.DatePublished)
            ?? FirstDate(meta, "article:published_time", "og:article:published_time", "datepublished", "pubdate",
                "publishdate", "publish-date", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dc.date", "date")
            ?? PageDate.TryParse(scan.FirstTime?.GetAttribute("datetime"));

        var siteName = Meta(meta, "og:site_name") ?? Clean(jsonLd.Publisher) ?? Meta(meta, "application-name") ?? url.Host;

        var language = Clean(document.DocumentElement.GetAttribute("lang")) ?? Clean(document.DocumentElement.GetAttribute("xml:lang"))
            ?? Meta(meta, "content-language") ?? Meta(meta, "language") ?? Meta(meta, "og:locale")?.Replace('_', '-') ?? Clean(jsonLd.Language);

        var canonical = Absolute(url, scan.CanonicalHref)
            ?? Absolute(url, Meta(meta, "og:url")) ?? Absolute(url, jsonLd.Url);

        var image = Absolute(url, Meta(meta, "og:image")) ?? Absolute(url, Meta(meta, "og:image:url"))
            ?? Absolute(url, Meta(meta, "twitter:image")) ?? Absolute(url, jsonLd.Image);

        var description = Meta(meta, "og:description") ?? Meta(meta, "description") ?? Meta(meta, "twitter:description") ?? Clean(jsonLd.Description);

        return new PageMetadata
        {
            Title = title,
            Byline = byline,
            Published = published,
            SiteName = siteName,
            Language = language,
            CanonicalUrl = canonical,
            LeadImageUrl = image,
            Description = description,
            ArticleBody = jsonLd.ArticleBody,
        };
    }

    private static Dictionary<string, string> ReadMetaTags(List<IElement> metaTags)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in metaTags)
        {
            var key = element.GetAttribute("property") ?? element.GetAttribute("name") ?? element.GetAttribute("itemprop")
                ?? element.GetAttribute("http-equiv");
            var value = Clean(element.GetAttribute("content"));
            if (key is not null && value is not null)
            {
                result.TryAdd(key.Trim(), value);
            }
        }

        return result;
    }

    private static string? Meta(Dictionary<string, string> meta, string key) => meta.TryGetValue(key, out var value) ? value : null;

    private static PageDate? FirstDate(Dictionary<string, string> meta, params string[] keys)
    {
        foreach (var key in keys)
        {
            var date = PageDate.TryParse(Meta(meta, key));
            if (date is not null)
            {
                return date;
            }
        }

        return null;
    }

    private static string? SingleHeading(PageScan scan) => scan.HeadingCount == 1 ? Clean(scan.FirstHeading!.TextContent) : null;

    private static string? BylineInMarkup(PageScan scan)
    {
        var text = Clean(scan.Byline?.TextContent);
        if (text is null || text.Length > 100)
        {
            return null;
        }

        return text.StartsWith("by ", StringComparison.OrdinalIgnoreCase) ? text[3..].Trim() : text;
    }

    private static string? NonUrl(string? value) =>
        value is null || value.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? null : value;

    private static string? Absolute(Uri baseUrl, string? href)
    {
        if (string.IsNullOrWhiteSpace(href) || !Uri.TryCreate(baseUrl, href.Trim(), out var absolute))
        {
            return null;
        }

        return absolute.Scheme is "http" or "https" ? absolute.AbsoluteUri : null;
    }

    internal static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
