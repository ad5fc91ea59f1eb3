using System.Text;

using Ganss.Xss;

namespace NewsDesk.Extraction.Content;

/// <summary>
/// Builds the content HTML from the blocks and passes it through HtmlSanitizer with a tight allow-list, so the
/// result is safe to render even if a rule upstream lets something through.
/// </summary>
internal static class ArticleHtml
{
    /// <summary>
    /// The one sanitizer, built once: HtmlSanitizer documents Sanitize() as thread-safe on a shared instance whose
    /// settings are not changed afterwards (README, "Thread safety"). Building one is costly (AngleSharp's CSS
    /// set-up); one per thread built a new one for every thread-pool thread the scraper ran on.
    /// </summary>
    internal static HtmlSanitizer Sanitizer { get; } = CreateSanitizer();

    public static string Build(IReadOnlyList<TextBlock> blocks)
    {
        var html = new StringBuilder();
        string? openList = null;
        foreach (var block in blocks)
        {
            var list = block.Kind switch
            {
                BlockKind.ListItem => "ul",
                BlockKind.OrderedListItem => "ol",
                _ => null,
            };
            if (list != openList)
            {
                if (openList is not null)
                {
                    html.Append("</").Append(openList).Append('>');
                }

                if (list is not null)
                {
                    html.Append('<').Append(list).Append('>');
                }

                openList = list;
            }

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

        if (openList is not null)
        {
            html.Append("</").Append(openList).Append('>');
        }

        return Sanitize(html.ToString());
    }

    /// <summary>Runs any HTML through the article allow-list.</summary>
    public static string Sanitize(string html) => Sanitizer.Sanitize(html).Trim();

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
