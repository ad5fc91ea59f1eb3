using System.Text;

namespace NewsDesk.Extraction.Decoding;

/// <summary>
/// Estimates how deep a page's elements nest, before parsing, so pathological pages are refused cheaply.
/// Approximate by design: end tags close one level, and tags that are void or routinely left open do not count.
/// </summary>
internal static class NestingGuard
{
    /// <summary>Characters decoded at a time by the bytes overload (32 KB: below the large-object size).</summary>
    internal const int ChunkChars = 16 * 1024;

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
        Scan(html, final: true, limit, ref depth, ref max);
        return max;
    }

    /// <summary>
    /// The same estimate for a page still in bytes, decoded a chunk at a time: a large page is parsed from its bytes
    /// (AngleSharp's streaming source), so a page-sized string is never made for the guard alone.
    /// </summary>
    public static int EstimateDepth(ReadOnlySpan<byte> bytes, Encoding encoding, int limit) => EstimateDepth(bytes, encoding, limit, ChunkChars);

    internal static int EstimateDepth(ReadOnlySpan<byte> bytes, Encoding encoding, int limit, int chunkChars)
    {
        var decoder = encoding.GetDecoder();
        var buffer = new char[Math.Max(chunkChars, 4)];
        var filled = 0;
        var depth = 0;
        var max = 0;
        while (true)
        {
            decoder.Convert(bytes, buffer.AsSpan(filled), flush: true, out var bytesUsed, out var charsUsed, out var completed);
            bytes = bytes[bytesUsed..];
            filled += charsUsed;
            var final = completed && bytes.IsEmpty;
            var stop = Scan(buffer.AsSpan(0, filled), final, limit, ref depth, ref max);
            if (final || max > limit)
            {
                return max;
            }

            // What is left from the stop is one construct not yet closed (a tag, comment or script): it is scanned
            // again with the next chunk. A construct longer than half the buffer doubles it, so rescans stay rare.
            var left = filled - stop;
            if (left > buffer.Length / 2)
            {
                var larger = new char[buffer.Length * 2];
                buffer.AsSpan(stop, left).CopyTo(larger);
                buffer = larger;
            }
            else
            {
                buffer.AsSpan(stop, left).CopyTo(buffer);
            }

            filled = left;
        }
    }

    /// <summary>
    /// Scans the text and returns where it stopped: its end, or, unless <paramref name="final"/>, the '&lt;' of a
    /// construct that this text does not finish (its outcome may depend on what follows, so nothing of it is counted).
    /// </summary>
    private static int Scan(ReadOnlySpan<char> html, bool final, int limit, ref int depth, ref int max)
    {
        var i = 0;
        while (i < html.Length)
        {
            var lt = html[i..].IndexOf('<');
            if (lt < 0)
            {
                break;
            }

            var start = i + lt;
            i += lt + 1;
            if (i >= html.Length)
            {
                return final ? html.Length : start;
            }

            if (!final && html.Length - i < 3 && "!--".AsSpan().StartsWith(html[i..]))
            {
                return start;
            }

            if (html[i..].StartsWith("!--"))
            {
                var end = html[i..].IndexOf("-->");
                if (end < 0 && !final)
                {
                    return start;
                }

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

            if (nameEnd == html.Length && !final)
            {
                return start;
            }

            if (nameEnd == nameStart || !(char.IsAsciiLetter(html[nameStart]) || html[nameStart] == '!'))
            {
                continue;
            }

            var name = html[nameStart..nameEnd];
            var gt = html[nameEnd..].IndexOf('>');
            if (gt < 0 && !final)
            {
                return start;
            }

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
                if (close < 0 && !final)
                {
                    return start;
                }

                i = close < 0 ? html.Length : i + close;
                continue;
            }

            depth++;
            if (depth > max)
            {
                max = depth;
                if (max > limit)
                {
                    return html.Length;
                }
            }
        }

        return html.Length;
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
