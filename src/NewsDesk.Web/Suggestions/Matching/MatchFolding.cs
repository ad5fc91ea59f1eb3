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

    /// <summary>Folds text; <see cref="FoldedText.OriginalStart"/> maps each folded character back.</summary>
    public static FoldedText Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Plain arrays of the text's length (most characters fold to one; a few to none or two, and then they grow):
        // a 5 MB article is folded in one pass without a builder's or a list's bookkeeping per character.
        var folded = new char[text.Length];
        var origin = new int[text.Length + 1];
        var n = 0;
        var lastWasSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var mapped = _table[text[i]];
            if (mapped.Length == 1 && mapped[0] == ' ')
            {
                // A run of spaces (or no-break spaces) matches the single space of an alias.
                if (lastWasSpace)
                {
                    continue;
                }

                lastWasSpace = true;
            }
            else if (mapped.Length > 0)
            {
                lastWasSpace = false;
            }

            if (n + mapped.Length > folded.Length)
            {
                Array.Resize(ref folded, Math.Max(folded.Length * 2, n + mapped.Length));
                Array.Resize(ref origin, folded.Length + 1);
            }

            foreach (var c in mapped)
            {
                folded[n] = c;
                origin[n] = i;
                n++;
            }
        }

        origin[n] = text.Length;
        if (origin.Length != n + 1)
        {
            // FoldedIndex searches the whole map, so it holds exactly one entry per folded character and the end.
            Array.Resize(ref origin, n + 1);
        }

        return new FoldedText(new string(folded, 0, n), origin);
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

/// <summary>Folded text and, for each of its characters (plus one past the end), the offset in the original it came from.</summary>
public sealed record FoldedText(string Text, int[] OriginalStart)
{
    /// <summary>
    /// The original [start, end) of the folded range [start, end). The end is where the next folded character came
    /// from, so removed marks after the last letter belong to the match ("Hézbollah", "حماسُ" keep their marks whole).
    /// </summary>
    public (int Start, int End) Original(int start, int end) => (OriginalStart[start], OriginalStart[end]);

    /// <summary>The first folded character that comes from the original offset or after it.</summary>
    public int FoldedIndex(int original)
    {
        var index = Array.BinarySearch(OriginalStart, original);
        if (index < 0)
        {
            return ~index;
        }

        while (index > 0 && OriginalStart[index - 1] == original)
        {
            index--;
        }

        return index;
    }
}
