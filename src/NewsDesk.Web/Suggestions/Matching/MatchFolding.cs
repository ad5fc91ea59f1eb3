using System.Globalization;
using System.Text;
using NewsDesk.Web.Data.TextSearch;

namespace NewsDesk.Web.Suggestions.Matching;

/// <summary>
/// Folds an article's text or an alias for matching: search's folding (<see cref="TextFolding"/>: Arabic harakat,
/// alef, yeh, teh marbuta, tatweel, Persian yeh and kaf, Cyrillic ё), then lower case and without Latin diacritics,
/// typographic apostrophes as ', runs of spaces as one. Each folded character remembers the original offset it came
/// from, so a match in folded text maps back to UTF-16 offsets of the stored text.
/// </summary>
public static class MatchFolding
{
    // What each UTF-16 code unit folds to, computed once: folding a 5 MB article is then one table look-up a character.
    private static readonly string[] _table = BuildTable();

    /// <summary>Folds an alias (leading and trailing spaces dropped).</summary>
    public static string FoldKey(string alias) => Fold(alias.Trim()).Text;

    /// <summary>Folds text; <see cref="FoldedText.Original"/> maps folded ranges back.</summary>
    public static FoldedText Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Two passes over the table: the length first, then the folded string written in place (string.Create), so a
        // 5 MB article costs one folded string and no per-character offset map: most characters fold to one, and
        // the map keeps only the places where a character folded to none or two (a shift), as FoldedText describes.
        var length = 0;
        var lastWasSpace = false;
        foreach (var c in text)
        {
            var mapped = _table[c];
            if (IsCollapsedSpace(mapped, ref lastWasSpace))
            {
                continue;
            }

            length += mapped.Length;
        }

        var shifts = new List<(int Folded, int Delta)>();
        var folded = string.Create(length, (text, shifts), static (into, state) =>
        {
            var (text, shifts) = state;
            var n = 0;
            var delta = 0;
            var lastWasSpace = false;
            for (var i = 0; i < text.Length; i++)
            {
                var mapped = _table[text[i]];
                if (IsCollapsedSpace(mapped, ref lastWasSpace))
                {
                    continue;
                }

                foreach (var c in mapped)
                {
                    // Folded character n comes from original i: a new shift where i - n changes.
                    if (i - n != delta || shifts.Count == 0)
                    {
                        delta = i - n;
                        shifts.Add((n, delta));
                    }

                    into[n++] = c;
                }
            }
        });

        return new FoldedText(folded, [.. shifts.Select(s => s.Folded)], [.. shifts.Select(s => s.Delta)], text.Length);
    }

    // A run of spaces (or no-break spaces) matches the single space of an alias: the second and later fold to nothing.
    private static bool IsCollapsedSpace(string mapped, ref bool lastWasSpace)
    {
        if (mapped.Length == 1 && mapped[0] == ' ')
        {
            if (lastWasSpace)
            {
                return true;
            }

            lastWasSpace = true;
        }
        else if (mapped.Length > 0)
        {
            lastWasSpace = false;
        }

        return false;
    }

    /// <summary>A word character for boundaries: a letter, digit or combining mark (so a word never ends inside a letter).</summary>
    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static string[] BuildTable()
    {
        var table = new string[char.MaxValue + 1];
        for (var code = 0; code <= char.MaxValue; code++)
        {
            table[code] = FoldOne((char)code);
        }

        return table;
    }

    private static string FoldOne(char c)
    {
        if (char.IsSurrogate(c))
        {
            return c.ToString();
        }

        switch (c)
        {
            case '\u2019' or '\u2018' or '\u02BC' or '\u02BB' or '`' or '\u00B4':
                return "'";
            case '\u00A0' or '\u2007' or '\u202F' or '\t' or (>= '\u2000' and <= '\u200A'):
                return " ";
            case '\u2010' or '\u2011':
                return "-";
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        if (category is UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse || char.IsControl(c) || c is >= '\uFDD0' and <= '\uFDEF' or '\uFFFE' or '\uFFFF')
        {
            // Unassigned, private and non-characters have no case or accents (and cannot be normalised).
            return c.ToString();
        }

        if (category is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
        {
            // Zero-width joiners (Persian half-spaces), bidi marks and loose combining accents are invisible in a match.
            return "";
        }

        var searchFolded = TextFolding.Fold(c.ToString());
        var builder = new StringBuilder(2);
        foreach (var d in searchFolded.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(d) is UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.ToLowerInvariant(d));
        }

        return builder.ToString();
    }
}

/// <summary>
/// Folded text and the way back to the original: folded character i comes from original offset i + delta, where delta
/// is that of the last shift at or before i (shifts are kept only where a character folded to none or two, so plain
/// text has one); one past the last folded character maps to the original's end.
/// </summary>
public sealed class FoldedText
{
    private readonly int[] _shiftAt;
    private readonly int[] _shiftDelta;
    private readonly int _originalLength;

    internal FoldedText(string text, int[] shiftAt, int[] shiftDelta, int originalLength)
    {
        Text = text;
        _shiftAt = shiftAt;
        _shiftDelta = shiftDelta;
        _originalLength = originalLength;
    }

    public string Text { get; }

    /// <summary>The places where folding shifted offsets (a character folded to none or two), plus the first.</summary>
    public int ShiftCount => _shiftAt.Length;

    /// <summary>
    /// The original [start, end) of the folded range [start, end). The end is where the next folded character came
    /// from, so removed marks after the last letter belong to the match ("Hézbollah", "حماسُ" keep their marks whole).
    /// </summary>
    public (int Start, int End) Original(int start, int end) => (OriginOf(start), OriginOf(end));

    /// <summary>The first folded character that comes from the original offset or after it.</summary>
    public int FoldedIndex(int original)
    {
        // The origins grow with the folded index: the lower bound of original among them.
        int low = 0, high = Text.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (OriginOf(middle) < original)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>The original offset folded character i came from (the original's end for i = the folded length).</summary>
    private int OriginOf(int i)
    {
        if (i >= Text.Length)
        {
            return _originalLength;
        }

        var shift = Array.BinarySearch(_shiftAt, i);
        return i + _shiftDelta[shift >= 0 ? shift : ~shift - 1];
    }
}
