using System.Globalization;
using System.Text;

namespace NewsDesk.Web.Data.TextSearch;

/// <summary>
/// Folds text for search so a query matches with or without Arabic diacritics and letter variants (and Persian
/// yeh/kaf and Cyrillic ё, which name the same letters). Suggestions fold with these mappings too
/// (<see cref="Suggestions.Matching.MatchFolding"/>), so an alias is found wherever search would find it.
/// SQLite's unicode61 tokenizer strips Latin diacritics itself (remove_diacritics 2) but keeps Arabic
/// harakat inside tokens, so "كَتَبَ" would not match "كتب" without this.
/// Folding only removes or maps characters inside words, so the token count is unchanged and FTS5 snippets
/// taken from the original text stay aligned with the folded index.
/// </summary>
public static class TextFolding
{
    /// <summary>Each character and what it folds to ("" = removed). The FTS triggers are generated from this.</summary>
    public static IReadOnlyList<(char From, string To)> Mappings { get; } = BuildMappings();

    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(Map(c));
        }

        return builder.ToString();
    }

    /// <summary>
    /// The same folding as a SQL expression of nested replace() calls, so triggers need no custom function. The
    /// replace() calls run only when the value holds a character that folds (one GLOB scan): SQLite keeps every
    /// intermediate result of the nested calls until the statement ends, so a 5 MB text cost 23 copies of itself
    /// (115 MB) in the FTS trigger; Latin text, most of what is stored, now costs none.
    /// </summary>
    public static string SqlExpression(string column)
    {
        var expression = column;
        foreach (var (from, to) in Mappings)
        {
            expression = string.Create(CultureInfo.InvariantCulture, $"replace({expression}, char({(int)from}), '{to}')");
        }

        // The exact class costs SQLite's GLOB a walk over its ~20 ranges at every character of the text (a fifth of
        // the scrape's time in SQLite went to that walk), so one range spanning every folding character comes first:
        // Latin text fails it at the cost of one comparison per character, and CASE evaluates the exact class only
        // for the rest (Cyrillic, Arabic, Persian).
        return $"CASE WHEN {column} GLOB '*[{SpanningRange()}]*' THEN CASE WHEN {column} GLOB '*[{GlobClass()}]*' THEN {expression} ELSE {column} END ELSE {column} END";
    }

    /// <summary>One GLOB range from the lowest to the highest character that folds.</summary>
    private static string SpanningRange() => $"{Mappings.Min(m => m.From)}-{Mappings.Max(m => m.From)}";

    /// <summary>The characters that fold, as the inside of a GLOB bracket class: runs of neighbours as ranges.</summary>
    private static string GlobClass()
    {
        var chars = Mappings.Select(m => m.From).Distinct().Order().ToList();
        var set = new StringBuilder();
        for (var i = 0; i < chars.Count;)
        {
            var end = i;
            while (end + 1 < chars.Count && chars[end + 1] == chars[end] + 1)
            {
                end++;
            }

            set.Append(chars[i]);
            if (end > i)
            {
                set.Append('-').Append(chars[end]);
            }

            i = end + 1;
        }

        return set.ToString();
    }

    private static string Map(char c)
    {
        if (c is (< '\u0622' or > '\u0671') and not ('\u06A9' or '\u06CC' or '\u0401' or '\u0451'))
        {
            return c.ToString();
        }

        foreach (var (from, to) in Mappings)
        {
            if (from == c)
            {
                return to;
            }
        }

        return c.ToString();
    }

    private static List<(char, string)> BuildMappings()
    {
        var mappings = new List<(char, string)>();
        // Harakat, tanwin, shadda, sukun, maddah and hamza marks. The list stays short on purpose: the triggers
        // nest one replace() per entry, and older sqlite3 shells cannot parse more than about 25 levels.
        for (var mark = '\u064B'; mark <= '\u0655'; mark++)
        {
            mappings.Add((mark, ""));
        }

        mappings.Add(('\u0670', "")); // superscript alef
        mappings.Add(('\u0640', "")); // tatweel
        mappings.Add(('\u0622', "\u0627")); // alef with madda → alef
        mappings.Add(('\u0623', "\u0627")); // alef with hamza above → alef
        mappings.Add(('\u0625', "\u0627")); // alef with hamza below → alef
        mappings.Add(('\u0671', "\u0627")); // alef wasla → alef
        mappings.Add(('\u0649', "\u064A")); // alef maksura → yeh
        mappings.Add(('\u0629', "\u0647")); // teh marbuta → heh
        mappings.Add(('\u06CC', "\u064A")); // Persian yeh → Arabic yeh (ایرنا = ايرنا)
        mappings.Add(('\u06A9', "\u0643")); // Persian kaf (keheh) → Arabic kaf
        mappings.Add(('\u0451', "\u0435")); // Cyrillic ё → е (Russian print mostly omits the dots)
        mappings.Add(('\u0401', "\u0415")); // Cyrillic Ё → Е
        return mappings;
    }
}
