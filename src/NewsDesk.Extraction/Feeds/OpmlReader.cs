namespace NewsDesk.Extraction.Feeds;

/// <summary>A feed listed in an OPML subscription list.</summary>
public sealed record OpmlFeed(Uri Url, string? Title);

/// <summary>Reads the feeds of an OPML 1.0/2.0 subscription list (outlines with xmlUrl, at any depth).</summary>
public static class OpmlReader
{
    public static IReadOnlyList<OpmlFeed> Read(Stream content)
    {
        var root = SafeXml.Load(content).Root!;
        if (root.Name.LocalName != "opml")
        {
            throw new FeedFormatException($"not an OPML file: the document's root element is <{root.Name.LocalName}>");
        }

        var placeholder = new Uri("http://opml.invalid/");
        var feeds = new List<OpmlFeed>();
        foreach (var outline in root.Descendants().Where(e => e.Name.LocalName == "outline"))
        {
            // Exporters disagree on the attribute's case (xmlUrl, xmlurl).
            var xmlUrl = outline.Attributes().FirstOrDefault(a => a.Name.LocalName.Equals("xmlUrl", StringComparison.OrdinalIgnoreCase))?.Value;
            if (FeedParser.WebUrl(xmlUrl, placeholder) is { } url && url.Host != placeholder.Host && feeds.All(f => f.Url != url))
            {
                var title = (string?)outline.Attribute("title") ?? (string?)outline.Attribute("text");
                feeds.Add(new OpmlFeed(url, string.IsNullOrWhiteSpace(title) ? null : title.Trim()));
            }
        }

        return feeds;
    }
}
