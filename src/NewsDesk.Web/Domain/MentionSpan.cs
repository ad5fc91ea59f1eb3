namespace NewsDesk.Web.Domain;

/// <summary>
/// The rules a mention's span must satisfy against its article's stored text. Offsets are UTF-16 code units
/// (C# and JavaScript string indices), End exclusive.
/// </summary>
public static class MentionSpan
{
    /// <summary>Checks [start, end) and its quote against the text; null when the span is acceptable.</summary>
    public static SpanProblem? Check(string text, int start, int end, string? quote)
    {
        if (end <= start)
        {
            return new SpanProblem(SpanProblemKind.EmptyOrReversed, $"end ({end}) must be greater than start ({start}).");
        }

        if (start < 0 || end > text.Length)
        {
            return new SpanProblem(SpanProblemKind.OutsideText,
                $"The span [{start}, {end}) is outside the article text, which is {text.Length} UTF-16 code units long.");
        }

        if (SplitsSurrogatePair(text, start) || SplitsSurrogatePair(text, end))
        {
            return new SpanProblem(SpanProblemKind.SplitsCharacter,
                "The span cuts a character in half (a UTF-16 surrogate pair, e.g. an emoji); move start or end by one.");
        }

        if (SplitsGraphemeCluster(text, start) || SplitsGraphemeCluster(text, end))
        {
            return new SpanProblem(SpanProblemKind.SplitsCharacter,
                "The span cuts a character as readers see it (a letter and its combining accent, an emoji and its skin tone or a flag); "
                + "move start or end to the edge of that character.");
        }

        if (string.IsNullOrWhiteSpace(text.AsSpan(start, end - start).ToString()))
        {
            return new SpanProblem(SpanProblemKind.WhitespaceOnly, "The span covers only whitespace.");
        }

        if (quote is null)
        {
            return new SpanProblem(SpanProblemKind.QuoteMismatch, "quote is required: the text you saw at [start, end).");
        }

        var actual = text.Substring(start, end - start);
        if (!string.Equals(actual, quote, StringComparison.Ordinal))
        {
            return new SpanProblem(SpanProblemKind.QuoteMismatch,
                $"The quote does not match the article text at [{start}, {end}): the text there is \"{Shorten(actual)}\".");
        }

        return null;
    }

    /// <summary>True when an offset falls between the two halves of a surrogate pair.</summary>
    public static bool SplitsSurrogatePair(string text, int offset) =>
        offset > 0 && offset < text.Length && char.IsHighSurrogate(text[offset - 1]) && char.IsLowSurrogate(text[offset]);

    /// <summary>
    /// True when an offset falls inside an extended grapheme cluster (Unicode UAX #29, as .NET's
    /// <see cref="System.Globalization.StringInfo"/> segments text): "e" + U+0301, 👍 + 🏽, 🇮🇶. Clusters are read from
    /// the nearest line break before the offset (always a boundary), at most <see cref="GraphemeLookBehind"/> code
    /// units back, so a check in a 5 MB article stays cheap.
    /// </summary>
    public static bool SplitsGraphemeCluster(string text, int offset)
    {
        if (offset <= 0 || offset >= text.Length)
        {
            return false;
        }

        var from = Math.Max(0, offset - GraphemeLookBehind);
        var lineBreak = text.LastIndexOf('\n', offset - 1, offset - from);
        var position = lineBreak >= 0 ? lineBreak + 1 : from;
        while (position < offset)
        {
            position += System.Globalization.StringInfo.GetNextTextElementLength(text.AsSpan(position));
        }

        return position != offset;
    }

    private const int GraphemeLookBehind = 1024;

    private static string Shorten(string value) => value.Length <= 80 ? value : string.Concat(value.AsSpan(0, 77), "...");
}

/// <summary>Why a span was refused, with a message naming the problem.</summary>
public sealed record SpanProblem(SpanProblemKind Kind, string Message);

public enum SpanProblemKind
{
    EmptyOrReversed,
    OutsideText,
    SplitsCharacter,
    WhitespaceOnly,

    /// <summary>The text changed or the client computed its offsets wrongly: a conflict, not a malformed request.</summary>
    QuoteMismatch,
}
