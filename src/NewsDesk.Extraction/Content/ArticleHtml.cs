using System.Text;

using Ganss.Xss;

namespace NewsDesk.Extraction.Content;

/// <summary>
/// Builds the content HTML from the blocks and passes it through HtmlSanitizer with a tight allow-list, so the
/// result is safe to render even if a rule upstream lets something through.
/// </summary>
/// <remarks>
/// The markup is sanitized a segment of blocks at a time, not as one whole-page string: for a 5 MB page the whole
/// string, the sanitizer's "&lt;body&gt;" + html copy, its document and its output were each page-sized, 110 MB in
/// all, mostly on the large-object heap where it stayed until a gen-2 collection. A segment ends only where the HTML
/// parser is back in the body with nothing open (no list, no formatting element left unclosed by an earlier block),
/// so parsing the segments one by one builds the same nodes as parsing the whole, and the output is the same text.
/// </remarks>
internal static class ArticleHtml
{
    /// <summary>Markup characters a segment collects before it is sanitized (well below the 85 KB large-object size).</summary>
    internal const int SegmentChars = 16 * 1024;

    private static readonly string[] _formatting = ["a", "em", "i", "strong", "b"];

    /// <summary>
    /// The one sanitizer, built once: HtmlSanitizer documents Sanitize() as thread-safe on a shared instance whose
    /// settings are not changed afterwards (README, "Thread safety"). Building one is costly (AngleSharp's CSS
    /// set-up); one per thread built a new one for every thread-pool thread the scraper ran on.
    /// </summary>
    internal static HtmlSanitizer Sanitizer { get; } = CreateSanitizer();

    public static string Build(IReadOnlyList<TextBlock> blocks) => Build(blocks, SegmentChars);

    /// <summary>Builds with segments of at least <paramref name="segmentChars"/>; <c>int.MaxValue</c> sanitizes the page whole.</summary>
    internal static string Build(IReadOnlyList<TextBlock> blocks, int segmentChars)
    {
        var output = new StringBuilder();
        var segment = new StringBuilder();
        // Whether the parser, after this segment's markup so far, has nothing open but the body. Once a block leaves
        // a formatting element open, the parser carries it into every later block (it reopens it, the HTML spec's
        // "reconstruct the active formatting elements"), so the rest of the page stays one segment.
        var closed = true;
        string? openList = null;
        foreach (var block in blocks)
        {
            var list = block.Kind switch
            {
                BlockKind.ListItem => "ul",
                BlockKind.OrderedListItem => "ol",
                _ => null,
            };
            if (list != openList && openList is not null)
            {
                segment.Append("</").Append(openList).Append('>');
                openList = null;
            }

            if (openList is null && closed && segment.Length >= segmentChars)
            {
                SanitizeInto(output, segment);
            }

            if (list != openList)
            {
                segment.Append('<').Append(list).Append('>');
                openList = list;
            }

            AppendBlock(segment, block);
            closed = closed && LeavesNothingOpen(block.InlineHtml);
        }

        if (openList is not null)
        {
            segment.Append("</").Append(openList).Append('>');
        }

        SanitizeInto(output, segment);
        return Trimmed(output);
    }

    /// <summary>Runs any HTML through the article allow-list.</summary>
    public static string Sanitize(string html) => Sanitizer.Sanitize(html).Trim();

    private static void AppendBlock(StringBuilder html, TextBlock block)
    {
        switch (block.Kind)
        {
            case BlockKind.Heading:
                html.Append("<h").Append(block.Level).Append('>').Append(block.InlineHtml).Append("</h").Append(block.Level).Append('>');
                break;
            case BlockKind.ListItem or BlockKind.OrderedListItem:
                html.Append("<li>").Append(block.InlineHtml).Append("</li>");
                break;
            case BlockKind.Quote:
                html.Append("<blockquote><p>").Append(block.InlineHtml).Append("</p></blockquote>");
                break;
            case BlockKind.Caption:
                html.Append("<figure><figcaption>").Append(block.InlineHtml).Append("</figcaption></figure>");
                break;
            case BlockKind.Image:
                html.Append("<figure>").Append(block.InlineHtml).Append("</figure>");
                break;
            default:
                html.Append("<p>").Append(block.InlineHtml).Append("</p>");
                break;
        }

        html.Append('\n');
    }

    /// <summary>
    /// Whether a block's inline markup closes what it opens, properly nested: only the tags the block renderer
    /// writes (links, emphasis, images), no link inside a link (the parser closes the outer one early). Anything
    /// else counts as leaving something open, which only costs a longer segment.
    /// </summary>
    internal static bool LeavesNothingOpen(string inlineHtml)
    {
        var open = new List<string>();
        var span = inlineHtml.AsSpan();
        for (var lt = span.IndexOf('<'); lt >= 0; lt = span.IndexOf('<'))
        {
            span = span[(lt + 1)..];
            var gt = span.IndexOf('>');
            if (gt < 0)
            {
                return false;
            }

            var tag = span[..gt];
            span = span[(gt + 1)..];
            var closing = tag.StartsWith('/');
            var name = closing ? tag[1..] : tag;
            var nameEnd = name.IndexOf(' ');
            if (nameEnd >= 0)
            {
                name = name[..nameEnd];
            }

            if (!closing && name.SequenceEqual("img"))
            {
                continue;
            }

            var known = IndexOfFormatting(name);
            if (known < 0 || (closing && nameEnd >= 0))
            {
                return false;
            }

            if (closing)
            {
                if (open.Count == 0 || open[^1] != _formatting[known])
                {
                    return false;
                }

                open.RemoveAt(open.Count - 1);
            }
            else if (known == 0 && open.Contains("a"))
            {
                return false;
            }
            else
            {
                open.Add(_formatting[known]);
            }
        }

        return open.Count == 0;
    }

    private static int IndexOfFormatting(ReadOnlySpan<char> name)
    {
        for (var k = 0; k < _formatting.Length; k++)
        {
            if (name.SequenceEqual(_formatting[k]))
            {
                return k;
            }
        }

        return -1;
    }

    private static void SanitizeInto(StringBuilder output, StringBuilder segment)
    {
        if (segment.Length == 0)
        {
            return;
        }

        // StringBuilder keeps its text in chunks of at most 8,000 characters: the page-sized result is one string,
        // made once, at the end.
        output.Append(Sanitizer.Sanitize(segment.ToString()));
        segment.Clear();
    }

    /// <summary>
    /// The text without leading and trailing white space, as <see cref="string.Trim()"/> would give it, in one string
    /// (ToString then Trim made two when there was white space to trim).
    /// </summary>
    internal static string Trimmed(StringBuilder output)
    {
        var start = 0;
        while (start < output.Length && char.IsWhiteSpace(output[start]))
        {
            start++;
        }

        var end = output.Length;
        while (end > start && char.IsWhiteSpace(output[end - 1]))
        {
            end--;
        }

        return output.ToString(start, end - start);
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "a", "em", "strong", "b", "i", "br",
                "figure", "figcaption", "img",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "alt" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            AllowedCssProperties = new HashSet<string>(),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedClasses = new HashSet<string>(),
        };
        var sanitizer = new HtmlSanitizer(options)
        {
            // Relative links were resolved already; anything still relative is dropped rather than guessed.
            KeepChildNodes = true,
        };
        return sanitizer;
    }
}
