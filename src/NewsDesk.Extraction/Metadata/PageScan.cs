using AngleSharp.Dom;

namespace NewsDesk.Extraction.Metadata;

/// <summary>
/// One walk over the whole document collecting what the metadata rules look at (meta tags, JSON-LD, the
/// canonical link, h1s, the first dated &lt;time&gt;, a byline element). It replaces a selector query per rule,
/// each of which walked the page again; the walk is a loop over siblings and parents, so depth cannot overflow it.
/// </summary>
internal sealed class PageScan
{
    private bool _canonicalSeen;

    public List<IElement> MetaTags { get; } = [];
    public List<string> JsonLdScripts { get; } = [];
    public string? CanonicalHref { get; private set; }
    public int HeadingCount { get; private set; }
    public IElement? FirstHeading { get; private set; }

    /// <summary>The first &lt;time datetime&gt; in document order.</summary>
    public IElement? FirstTime { get; private set; }

    /// <summary>The first element marked as the author (itemprop, rel or class), outside comment threads.</summary>
    public IElement? Byline { get; private set; }

    public static PageScan Of(IDocument document)
    {
        var scan = new PageScan();
        var root = document.DocumentElement;
        for (var element = root; element is not null; element = Next(element, root))
        {
            scan.Visit(element);
        }

        return scan;
    }

    private static IElement? Next(IElement element, IElement root)
    {
        if (element.FirstElementChild is { } child)
        {
            return child;
        }

        for (var e = element; e is not null && e != root; e = e.ParentElement)
        {
            if (e.NextElementSibling is { } sibling)
            {
                return sibling;
            }
        }

        return null;
    }

    private void Visit(IElement element)
    {
        switch (element.LocalName)
        {
            case "meta":
                MetaTags.Add(element);
                break;
            case "script" when string.Equals(element.GetAttribute("type"), "application/ld+json", StringComparison.OrdinalIgnoreCase):
                JsonLdScripts.Add(element.TextContent);
                break;
            case "link" when !_canonicalSeen && HasToken(element.GetAttribute("rel"), "canonical", StringComparison.OrdinalIgnoreCase):
                _canonicalSeen = true;
                CanonicalHref = element.GetAttribute("href");
                break;
            case "h1":
                HeadingCount++;
                FirstHeading ??= element;
                break;
            case "time" when FirstTime is null && element.HasAttribute("datetime"):
                FirstTime = element;
                break;
        }

        if (Byline is null && IsAuthorMarked(element) && !InComments(element))
        {
            Byline = element;
        }
    }

    // An itemprop="name" inside an itemprop="author" never comes first: its author ancestor matches before it.
    private static bool IsAuthorMarked(IElement element) =>
        HasToken(element.GetAttribute("itemprop"), "author", StringComparison.OrdinalIgnoreCase)
        || HasToken(element.GetAttribute("rel"), "author", StringComparison.OrdinalIgnoreCase)
        || HasToken(element.GetAttribute("class"), "byline", StringComparison.Ordinal)
        || HasToken(element.GetAttribute("class"), "author", StringComparison.Ordinal);

    /// <summary>Commenters' names use the same "author" classes as the byline.</summary>
    private static bool InComments(IElement element)
    {
        for (var e = element.ParentElement; e is not null; e = e.ParentElement)
        {
            if (e.LocalName is "aside" or "footer"
                || (e.GetAttribute("class")?.Contains("comment", StringComparison.OrdinalIgnoreCase) ?? false)
                || (e.Id?.Contains("comment", StringComparison.OrdinalIgnoreCase) ?? false))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>CSS's <c>[attr~=token]</c>: one of the whitespace-separated words equals the token.</summary>
    private static bool HasToken(string? value, string token, StringComparison comparison)
    {
        if (value is null || value.Length < token.Length)
        {
            return false;
        }

        var span = value.AsSpan();
        var start = 0;
        while (start < span.Length)
        {
            while (start < span.Length && char.IsWhiteSpace(span[start]))
            {
                start++;
            }

            var end = start;
            while (end < span.Length && !char.IsWhiteSpace(span[end]))
            {
                end++;
            }

            if (end > start && span[start..end].Equals(token, comparison))
            {
                return true;
            }

            start = end;
        }

        return false;
    }
}
