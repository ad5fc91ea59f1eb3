using System.Xml;
using System.Xml.Linq;

namespace NewsDesk.Extraction.Feeds;

/// <summary>
/// The one way feed, sitemap and OPML bytes become XML: DTDs are skipped, never resolved, and entity expansion is
/// capped, so XXE and billion-laughs documents fail at once while an ordinary feed with a DOCTYPE still parses.
/// </summary>
public static class SafeXml
{
    /// <summary>Characters entity expansion may produce; the five predefined entities need a handful.</summary>
    public const long MaxCharactersFromEntities = 1024;

    /// <summary>A fresh settings object (XmlReaderSettings is mutable, so none is shared).</summary>
    public static XmlReaderSettings CreateSettings() => new()
    {
        // Ignore (not Prohibit): feeds that carry <!DOCTYPE rss ...> are legal and common. Declared entities are
        // then unknown, so &xxe; or &lol9; is an undeclared-entity error instead of a file read or an expansion.
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = MaxCharactersFromEntities,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    /// <summary>Reads a whole document; malformed or hostile XML becomes a <see cref="FeedFormatException"/>.</summary>
    public static XDocument Load(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            using var reader = XmlReader.Create(content, CreateSettings());
            return XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException ex)
        {
            throw new FeedFormatException($"not well-formed XML: {ex.Message}", ex);
        }
    }

    /// <summary>The root element's name, reading no further than it; null when the bytes are not XML.</summary>
    public static XName? RootName(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            using var reader = XmlReader.Create(content, CreateSettings());
            return reader.MoveToContent() == XmlNodeType.Element ? XName.Get(reader.LocalName, reader.NamespaceURI) : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }
}

/// <summary>The bytes are not a feed, sitemap or OPML document NewsDesk can read.</summary>
public sealed class FeedFormatException(string message, Exception? inner = null) : Exception(message, inner);
