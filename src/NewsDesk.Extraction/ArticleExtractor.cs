using System.Runtime.InteropServices;

using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

using NewsDesk.Extraction.Content;
using NewsDesk.Extraction.Decoding;
using NewsDesk.Extraction.Metadata;

namespace NewsDesk.Extraction;

/// <summary>Turns a news page into an <see cref="ExtractedArticle"/>. Thread-safe: one instance serves all callers.</summary>
public sealed class ArticleExtractor
{
    // Parse as a browser with scripting on does: <noscript> content is raw text, so a stray
    // "<noscript><div></noscript>" at the top of <body> cannot swallow the rest of the page into one hidden block.
    private readonly HtmlParserOptions _parserOptions = new() { IsScripting = true };
    private readonly ExtractionOptions _options;

    // Below this many characters of DOM text a page is suspected of rendering its story with script.
    private const int EnoughText = 500;

    public ArticleExtractor()
        : this(new ExtractionOptions())
    {
    }

    public ArticleExtractor(ExtractionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>
    /// Parses the page's bytes; the charset comes from the BOM, then the Content-Type header, then &lt;meta&gt;.
    /// </summary>
    /// <exception cref="ExtractionException">The page nests elements deeper than <see cref="ExtractionOptions.MaxNestingDepth"/>.</exception>
    public ExtractedArticle Extract(Stream content, string? contentType, Uri url)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(url);
        return Extract(new ReadOnlyMemory<byte>(ReadBytes(content)), contentType, url);
    }

    /// <summary>
    /// Extracts from bytes the caller already holds (a fetched body), without copying them: the same as the stream
    /// overload, which reads at most <see cref="ExtractionOptions.MaxBytes"/> of them. The page is parsed from the
    /// bytes themselves, never decoded into one string (see <see cref="ParseBytes(ReadOnlyMemory{byte}, string?)"/>).
    /// </summary>
    /// <exception cref="ExtractionException">The page nests elements deeper than <see cref="ExtractionOptions.MaxNestingDepth"/>.</exception>
    public ExtractedArticle Extract(ReadOnlyMemory<byte> content, string? contentType, Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Extract(ParseBytes(content[..Math.Min(content.Length, _options.MaxBytes)], contentType), url);
    }

    /// <summary>The same as the memory overload, for bytes in a span (decoded into a string first).</summary>
    /// <exception cref="ExtractionException">The page nests elements deeper than <see cref="ExtractionOptions.MaxNestingDepth"/>.</exception>
    public ExtractedArticle Extract(ReadOnlySpan<byte> content, string? contentType, Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Extract(Decode(content[..Math.Min(content.Length, _options.MaxBytes)], contentType), url);
    }

    /// <summary>Decodes and parses without extracting: what the benchmark's parse-only mode measures.</summary>
    public IHtmlDocument ParseBytes(byte[] bytes, string? contentType)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return ParseBytes(new ReadOnlyMemory<byte>(bytes), contentType);
    }

    /// <summary>
    /// Parses the bytes through AngleSharp's streaming source, with the charset decided here (final, as in
    /// <see cref="Decode"/>), after the same depth check. The string path held two page-sized copies for the whole
    /// extraction (the decoded string, 2 bytes a character, and AngleSharp's own copy of it in its text source): 20 MB
    /// on the large-object heap for a 5 MB page. The streaming source decodes a bounded window at a time and keeps
    /// nothing of the text; the nodes own their strings, so the document built is the same.
    /// </summary>
    /// <exception cref="ExtractionException">The page nests elements deeper than <see cref="ExtractionOptions.MaxNestingDepth"/>.</exception>
    public IHtmlDocument ParseBytes(ReadOnlyMemory<byte> bytes, string? contentType)
    {
        var (encoding, skip) = CharsetDetector.Detect(bytes.Span, contentType);
        bytes = bytes[skip..];
        CheckDepth(NestingGuard.EstimateDepth(bytes.Span, encoding, _options.MaxNestingDepth));
        var stream = MemoryMarshal.TryGetArray(bytes, out var array)
            ? new MemoryStream(array.Array!, array.Offset, array.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);
        // A memory stream's reads complete at once, so the parse runs to its end on this thread; the document keeps
        // the stream (the caller's bytes), which has nothing to release.
        return new HtmlParser(_parserOptions)
            .ParseDocumentAsync(stream, HtmlStreamSourceMode.Streaming, encoding, CancellationToken.None)
            .GetAwaiter().GetResult();
    }

    internal static string Decode(ReadOnlySpan<byte> bytes, string? contentType)
    {
        var (encoding, skip) = CharsetDetector.Detect(bytes, contentType);
        // The charset decision is ours (BOM > header > meta) and final: AngleSharp's stream path treats a given
        // encoding as tentative and lets a <meta> override the HTTP header, which browsers do not.
        return encoding.GetString(bytes[skip..]);
    }

    /// <summary>Extracts from already-decoded markup (tests, or callers that hold a string).</summary>
    /// <exception cref="ExtractionException">The page nests elements deeper than <see cref="ExtractionOptions.MaxNestingDepth"/>.</exception>
    public ExtractedArticle Extract(string html, Uri url)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(url);
        return Extract(Parse(html), url);
    }

    private ExtractedArticle Extract(IHtmlDocument document, Uri url)
    {
        var (metadata, blocks, bylineLine) = Analyse(document, url);
        var text = JoinText(blocks);
        var leadImage = metadata.LeadImageUrl ?? FirstImage(blocks);
        return new ExtractedArticle
        {
            Title = metadata.Title,
            Byline = metadata.Byline ?? bylineLine,
            Published = metadata.Published?.Value,
            PublishedHasZone = metadata.Published?.HasZone ?? false,
            PublishedHasTime = metadata.Published?.HasTime ?? false,
            SiteName = metadata.SiteName,
            Language = metadata.Language,
            CanonicalUrl = metadata.CanonicalUrl,
            LeadImageUrl = leadImage,
            Description = metadata.Description,
            Text = text,
            Html = _options.IncludeHtml ? ArticleHtml.Build(blocks) : "",
        };
    }

    /// <summary>The page's metadata and its article blocks, before they are joined into text and HTML.</summary>
    internal (PageMetadata Metadata, List<TextBlock> Blocks, string? BylineLine) Analyse(string html, Uri url) => Analyse(Parse(html), url);

    private static (PageMetadata Metadata, List<TextBlock> Blocks, string? BylineLine) Analyse(IHtmlDocument document, Uri url)
    {
        var metadata = MetadataReader.Read(document, url);

        var index = new DomIndex(document.Body ?? (AngleSharp.Dom.INode)document.DocumentElement);
        var blocks = ContentExtractor.Extract(index, url, metadata.Title);
        blocks = ScriptRenderedFallback(blocks, metadata.ArticleBody, document);
        blocks = BylineLine.Take(blocks, metadata.Byline, out var bylineLine);
        return (metadata, blocks, bylineLine);
    }

    /// <summary>The blocks' texts with a blank line between them, written once into a string of the final length.</summary>
    private static string JoinText(List<TextBlock> blocks)
    {
        var texts = blocks.Where(b => b.Kind != BlockKind.Image).Select(b => b.Text).ToList();
        var length = texts.Count == 0 ? 0 : texts.Sum(t => t.Length) + (2 * (texts.Count - 1));
        return string.Create(length, texts, static (chars, texts) =>
        {
            var at = 0;
            foreach (var text in texts)
            {
                if (at > 0)
                {
                    chars[at++] = '\n';
                    chars[at++] = '\n';
                }

                text.CopyTo(chars[at..]);
                at += text.Length;
            }
        });
    }

    /// <summary>Parses markup after the depth check; exposed for the benchmark's parse-only measurement.</summary>
    public IHtmlDocument Parse(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        CheckDepth(NestingGuard.EstimateDepth(html, _options.MaxNestingDepth));
        return new HtmlParser(_parserOptions).ParseDocument(html);
    }

    private void CheckDepth(int depth)
    {
        if (depth > _options.MaxNestingDepth)
        {
            throw new ExtractionException(
                $"The page nests elements more than {_options.MaxNestingDepth} levels deep; refusing to parse it.");
        }
    }

    /// <summary>
    /// The last steps of the cascade. Pages that render the story with script leave little in the markup (or only
    /// teasers and chrome) but often carry the full text in JSON-LD articleBody, or in the script's own state: use
    /// the declared body when the DOM gave little, or when most of what the DOM gave is not in it (teasers won).
    /// </summary>
    private static List<TextBlock> ScriptRenderedFallback(List<TextBlock> blocks, string? articleBody, IHtmlDocument document)
    {
        var domLength = blocks.Sum(b => b.Text.Length);
        var lines = articleBody?.Split('\n')
            .Select(line => string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(line => line.Length > 0)
            .ToList();
        var declared = lines?.Sum(l => l.Length) ?? 0;
        if (lines is not null && ((declared >= 2 * Math.Max(domLength, 100) && domLength < EnoughText)
            || (declared >= EnoughText && !SameText(blocks, articleBody!))))
        {
            return ToBlocks(lines);
        }

        if (domLength >= EnoughText)
        {
            return blocks;
        }

        lines = ScriptStateText.Find(document);
        return lines.Sum(l => l.Length) >= 2 * Math.Max(domLength, 250) ? ToBlocks(lines) : blocks;
    }

    private static List<TextBlock> ToBlocks(List<string> lines) =>
        [.. lines.Select(line => new TextBlock(BlockKind.Paragraph, 0, line, System.Net.WebUtility.HtmlEncode(line)))];

    /// <summary>
    /// Whether the DOM's pick and the declared body are the same story: most words of one are words of the other
    /// (the declared body is often only the first paragraphs, or the DOM only the visible part).
    /// </summary>
    private static bool SameText(List<TextBlock> blocks, string articleBody)
    {
        var declaredWords = Words(articleBody).ToList();
        var domWords = blocks.SelectMany(b => Words(b.Text)).ToList();
        return domWords.Count == 0 || MostlyIn(domWords, declaredWords) || MostlyIn(declaredWords, domWords);
    }

    private static bool MostlyIn(List<string> words, List<string> other)
    {
        var set = other.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return words.Count(set.Contains) * 2 >= words.Count;
    }

    private static IEnumerable<string> Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('.', ',', ';', ':', '!', '?', '"', '\'', '(', ')'));

    private byte[] ReadBytes(Stream content)
    {
        if (content.CanSeek)
        {
            // The size is known: one array of it, not a buffer doubled up to it and then copied.
            var bytes = new byte[(int)Math.Clamp(content.Length - content.Position, 0, _options.MaxBytes)];
            content.ReadExactly(bytes);
            return bytes;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < _options.MaxBytes && (read = content.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, (int)Math.Min(read, _options.MaxBytes - buffer.Length));
        }

        return buffer.ToArray();
    }

    private static string? FirstImage(List<TextBlock> blocks)
    {
        var image = blocks.FirstOrDefault(b => b.Kind == BlockKind.Image);
        if (image is null)
        {
            return null;
        }

        var start = image.InlineHtml.IndexOf("src=\"", StringComparison.Ordinal) + 5;
        var end = image.InlineHtml.IndexOf('"', start);
        return System.Net.WebUtility.HtmlDecode(image.InlineHtml[start..end]);
    }
}
