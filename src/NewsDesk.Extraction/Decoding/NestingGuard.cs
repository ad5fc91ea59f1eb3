namespace NewsDesk.Extraction.Decoding;

/// <summary>
/// Estimates how deep a page's elements nest, before parsing, so pathological pages are refused cheaply.
/// Approximate by design: end tags close one level, and tags that are void or routinely left open do not count.
/// </summary>
internal static class NestingGuard
{
    private static readonly HashSet<string> _uncounted = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup",
        "rb", "rt", "rp", "!doctype",
    };

    /// <summary>The deepest open-tag count seen, capped at <paramref name="limit"/> + 1 (the scan stops there).</summary>
    public static int EstimateDepth(ReadOnlySpan<char> html, int limit)
    {
        var depth = 0;
        var max = 0;
        var i = 0;
        while (i < html.Length)
        {
            var lt = html[i..].IndexOf('<');
            if (lt < 0)
            {
                break;
            }

            i += lt + 1;
            if (i >= html.Length)
            {
                break;
            }

            if (html[i..].StartsWith("!--"))
            {
                var end = html[i..].IndexOf("-->");
                i = end < 0 ? html.Length : i + end + 3;
                continue;
            }

            var closing = html[i] == '/';
            var nameStart = closing ? i + 1 : i;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-' || html[nameEnd] == '!'))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !(char.IsAsciiLetter(html[nameStart]) || html[nameStart] == '!'))
            {
                continue;
            }

            var name = html[nameStart..nameEnd];
            var gt = html[nameEnd..].IndexOf('>');
            var tagEnd = gt < 0 ? html.Length : nameEnd + gt;
            var selfClosing = gt > 0 && html[tagEnd - 1] == '/';
            i = Math.Min(html.Length, tagEnd + 1);

            if (IsUncounted(name))
            {
                continue;
            }

            if (closing)
            {
                depth = Math.Max(0, depth - 1);
                continue;
            }

            if (selfClosing)
            {
                continue;
            }

            if (IsRawText(name))
            {
                // Script and style bodies may contain "<div" in strings; skip to the matching end tag.
                var close = html[i..].IndexOf(string.Concat("</", name.ToString()), StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : i + close;
                continue;
            }

            depth++;
            if (depth > max)
            {
                max = depth;
                if (max > limit)
                {
                    return max;
                }
            }
        }

        return max;
    }

    private static bool IsUncounted(ReadOnlySpan<char> name)
    {
        var lookup = _uncounted.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.Contains(name);
    }

    private static bool IsRawText(ReadOnlySpan<char> name) =>
        name.Equals("script", StringComparison.OrdinalIgnoreCase)
        || name.Equals("style", StringComparison.OrdinalIgnoreCase)
        || name.Equals("textarea", StringComparison.OrdinalIgnoreCase)
        || name.Equals("title", StringComparison.OrdinalIgnoreCase);
}
