using AngleSharp.Html.Parser;

namespace NewsDesk.Extraction;

/// <summary>
/// Turns a news page into an <see cref="ExtractedArticle"/>. Thread-safe: one instance serves all callers.
/// (Placeholder implementation: the title and every paragraph; content scoring replaces it.)
/// </summary>
public sealed class ArticleExtractor
{
    private readonly HtmlParserOptions _parserOptions = new() { IsScripting = false };

    /// <summary>Parses the page's bytes; the charset comes from the BOM, then the Content-Type header, then &lt;meta&gt;.</summary>
    public ExtractedArticle Extract(Stream content, string? contentType, Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        _ = contentType;
        var document = new HtmlParser(_parserOptions).ParseDocument(content);
        var paragraphs = document.QuerySelectorAll("p").Select(p => p.TextContent.Trim()).Where(t => t.Length > 0);
        var text = string.Join("\n\n", paragraphs);
        return new ExtractedArticle { Title = document.Title, Text = text, Html = "" };
    }
}
