namespace NewsDesk.Web.Domain;

/// <summary>
/// Splits an article's stored text into the paragraphs the page shows, keeping where each starts, so a position
/// in a rendered paragraph maps back to a text offset by adding the paragraph's start.
/// </summary>
public static class ArticleParagraphs
{
    /// <summary>Lines of the text (split on its own line breaks), trimmed, empty ones dropped.</summary>
    public static IReadOnlyList<TextRange> Of(string text)
    {
        var paragraphs = new List<TextRange>();
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            var start = lineStart;
            var end = lineEnd;
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            if (end > start)
            {
                paragraphs.Add(new TextRange(start, end - start));
            }

            lineStart = lineEnd + 1;
        }

        return paragraphs;
    }
}

/// <summary>A run of an article's text: its UTF-16 start offset and length.</summary>
public readonly record struct TextRange(int Start, int Length)
{
    public int End => Start + Length;
}
