using System.Xml.Linq;

namespace NewsDesk.Extraction.Feeds.Xml;

/// <summary>Resolves xml:base down the tree, each element's against its parent's, the document's address at the top.</summary>
internal sealed class XmlBase(Uri documentUrl)
{
    private readonly Dictionary<XElement, Uri> _bases = [];

    public Uri Of(XElement element)
    {
        if (_bases.TryGetValue(element, out var known))
        {
            return known;
        }

        var parent = element.Parent is { } p ? Of(p) : documentUrl;
        var declared = ((string?)element.Attribute(XNamespace.Xml + "base"))?.Trim();
        var resolved = !string.IsNullOrEmpty(declared) && Uri.TryCreate(parent, declared, out var b) ? b : parent;
        _bases[element] = resolved;
        return resolved;
    }
}

/// <summary>Namespace-tolerant element lookups: feeds put the same element in the wrong namespace often enough.</summary>
internal static class XmlLookup
{
    public static IEnumerable<XElement> Children(this XElement element, string localName) =>
        element.Elements().Where(e => e.Name.LocalName.Equals(localName, StringComparison.OrdinalIgnoreCase));

    /// <summary>The first child of that name in the parent's own namespace, else in any namespace.</summary>
    public static XElement? Child(this XElement element, string localName) =>
        element.Children(localName).OrderBy(e => e.Name.Namespace == element.Name.Namespace ? 0 : 1).FirstOrDefault();

    public static string? ChildText(this XElement element, string localName) => element.Child(localName)?.Value;

    public static string? AttributeValue(this XElement element, string localName) =>
        element.Attributes().FirstOrDefault(a => a.Name.LocalName.Equals(localName, StringComparison.OrdinalIgnoreCase))?.Value;
}
