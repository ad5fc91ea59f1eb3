using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using NewsDesk.Extraction.Feeds.Xml;

namespace NewsDesk.Extraction.Feeds;

/// <summary>
/// A parsed sitemap: an index of further sitemaps or a list of pages (newest first, cut to the limit).
/// <see cref="Truncated"/> says where a file broke off, when it did: the complete entries before it are kept.
/// </summary>
public sealed record ParsedSitemap(bool IsIndex, IReadOnlyList<FeedItem> Entries, int TotalEntries, string? Truncated = null, string Form = "XML");

/// <summary>
/// Reads sitemaps (sitemaps.org 0.9) in every form sites serve them: &lt;urlset&gt; and &lt;sitemapindex&gt;,
/// gzipped (recognised by its magic bytes, whatever the label, and decompressed under the same size limit), plain
/// text with one URL a line, and Google News sitemaps (news:title, news:publication_date, news:language). The XML
/// is streamed entry by entry, so a truncated file keeps every entry that was complete; image: and video:
/// extensions are ignored.
/// </summary>
public static class SitemapParser
{
    /// <summary>Decompressed bytes a gzipped sitemap may grow to, unless the caller gives its own limit.</summary>
    public const long DefaultMaxDecompressedBytes = 64 * 1024 * 1024;

    /// <summary>True for &lt;urlset&gt; and &lt;sitemapindex&gt; roots.</summary>
    public static bool IsSitemapRoot(XName? root) => root?.LocalName is "urlset" or "sitemapindex";

    /// <summary>True when the bytes start with gzip's magic number.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> content) => content.Length >= 2 && content[0] == 0x1F && content[1] == 0x8B;

    public static ParsedSitemap Parse(Stream content, Uri sitemapUrl, int maxEntries = FeedParser.DefaultMaxItems, string? contentType = null,
        long maxDecompressedBytes = DefaultMaxDecompressedBytes)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var copy = new MemoryStream();
        content.CopyTo(copy);
        return Parse(new ReadOnlyMemory<byte>(copy.GetBuffer(), 0, (int)copy.Length), sitemapUrl, maxEntries, contentType, maxDecompressedBytes);
    }

    /// <summary>Parses a sitemap; entries are ordered newest first (news publication date, else lastmod).</summary>
    /// <exception cref="FeedFormatException">Not a sitemap, or a gzip file larger than the limit once decompressed.</exception>
    public static ParsedSitemap Parse(ReadOnlyMemory<byte> content, Uri sitemapUrl, int maxEntries = FeedParser.DefaultMaxItems,
        string? contentType = null, long maxDecompressedBytes = DefaultMaxDecompressedBytes)
    {
        ArgumentNullException.ThrowIfNull(sitemapUrl);
        var form = "XML";
        if (IsGzip(content.Span))
        {
            content = Gunzip(content, maxDecompressedBytes);
            form = "gzipped XML";
        }
        else if (contentType?.Contains("gzip", StringComparison.OrdinalIgnoreCase) == true && content.Span.IndexOf((byte)'<') < 0)
        {
            throw new FeedFormatException("labelled gzip, but the bytes are not gzip data");
        }

        var text = XmlRepair.TrimProlog(XmlTextDecoder.Decode(content.Span, contentType).Text);
        if (!text.StartsWith('<'))
        {
            return PlainText(text, sitemapUrl, maxEntries, form == "XML" ? "plain text" : "gzipped plain text");
        }

        TolerantXml.RefuseEntityDeclarations(text);
        return Xml(XmlRepair.Repair(text), sitemapUrl, maxEntries, form);
    }

    private static ReadOnlyMemory<byte> Gunzip(ReadOnlyMemory<byte> content, long maxBytes)
    {
        using var input = new MemoryStream(content.ToArray(), writable: false);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        try
        {
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                if (output.Length + read > maxBytes)
                {
                    throw new FeedFormatException($"gzipped sitemap larger than the {maxBytes / (1024.0 * 1024):0.##} MiB limit once decompressed");
                }

                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException ex)
        {
            // A cut-off gzip stream: what was decompressed so far is read (and reported as truncated by the XML reader).
            if (output.Length == 0)
            {
                throw new FeedFormatException($"broken gzip data: {ex.Message}", ex);
            }
        }

        return new ReadOnlyMemory<byte>(output.GetBuffer(), 0, (int)output.Length);
    }

    private static ParsedSitemap PlainText(string text, Uri sitemapUrl, int maxEntries, string form)
    {
        var newest = new NewestEntries(maxEntries);
        foreach (var line in text.Split('\n'))
        {
            var value = line.Trim();
            if (value.Length > 0 && (value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                && FeedParser.WebUrl(value, sitemapUrl) is { } url)
            {
                newest.Add(new FeedItem(url));
            }
        }

        return newest.Total == 0
            ? throw new FeedFormatException("not a sitemap: neither XML nor a plain-text list of http(s) URLs")
            : new ParsedSitemap(false, newest.NewestFirst(), newest.Total, null, form);
    }

    private static ParsedSitemap Xml(string text, Uri sitemapUrl, int maxEntries, string form)
    {
        using var reader = XmlReader.Create(new StringReader(text), SafeXml.CreateSettings());
        try
        {
            reader.MoveToContent();
        }
        catch (XmlException ex)
        {
            throw new FeedFormatException($"not well-formed XML: {ex.Message}", ex);
        }

        var root = XName.Get(reader.LocalName, reader.NamespaceURI);
        if (!IsSitemapRoot(root))
        {
            throw new FeedFormatException(FeedParser.IsFeedRoot(root)
                ? $"not a sitemap: this is a feed (<{root.LocalName}>); add it as a feed"
                : $"not a sitemap: the root element is <{root.LocalName}>; a sitemap starts with <urlset> or <sitemapindex>");
        }

        var isIndex = root.LocalName == "sitemapindex";
        var entryName = isIndex ? "sitemap" : "url";
        var newest = new NewestEntries(maxEntries);
        string? truncated = null;
        try
        {
            if (!reader.IsEmptyElement)
            {
                reader.Read();
                while (!reader.EOF && reader.Depth >= 1)
                {
                    if (reader.NodeType == XmlNodeType.Element && reader.Depth == 1 && reader.LocalName == entryName)
                    {
                        if (Entry((XElement)XNode.ReadFrom(reader), sitemapUrl) is { } entry)
                        {
                            newest.Add(entry);
                        }
                    }
                    else
                    {
                        reader.Read();
                    }
                }
            }
        }
        catch (XmlException ex)
        {
            truncated = $"breaks off at line {ex.LineNumber} ({ex.Message}); the {newest.Total} complete entries before it were read";
        }

        return new ParsedSitemap(isIndex, newest.NewestFirst(), newest.Total, truncated, form);
    }

    private static FeedItem? Entry(XElement element, Uri sitemapUrl)
    {
        if (FeedParser.WebUrl(element.ChildText("loc"), sitemapUrl) is not { } url)
        {
            return null;
        }

        var news = element.Child("news");
        var published = FeedDates.Parse(news?.ChildText("publication_date")) ?? FeedDates.Parse(element.ChildText("lastmod"));
        var language = news?.Child("publication")?.ChildText("language")?.Trim();
        return new FeedItem(url, FeedItems.PlainTitle(news?.ChildText("title")), published, string.IsNullOrEmpty(language) ? null : language);
    }

    /// <summary>Keeps the newest <c>max</c> entries (ties: the earlier in the file) in bounded memory, however long the file.</summary>
    private sealed class NewestEntries(int max)
    {
        private readonly PriorityQueue<FeedItem, (DateTimeOffset Published, int Order)> _kept = new();

        public int Total { get; private set; }

        public void Add(FeedItem item)
        {
            // The queue's minimum is the entry to drop first: the oldest, and among equals the latest in the file.
            _kept.Enqueue(item, (item.Published ?? DateTimeOffset.MinValue, -Total));
            Total++;
            if (_kept.Count > Math.Max(0, max))
            {
                _kept.Dequeue();
            }
        }

        public List<FeedItem> NewestFirst()
        {
            var items = new List<FeedItem>(_kept.Count);
            while (_kept.TryDequeue(out var item, out _))
            {
                items.Add(item);
            }

            items.Reverse();
            return items;
        }
    }
}
