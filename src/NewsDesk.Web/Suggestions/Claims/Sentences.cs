using System.Text.RegularExpressions;

namespace NewsDesk.Web.Suggestions.Claims;

/// <summary>
/// Splits text into sentences for the attribution rules: at . ! ? ؟ (and a closing quote after them) followed by
/// space, and always at a line break; not after a lone letter ("U.S.", also folded to lower case) or a title ("Mr.", "Gen.").
/// </summary>
public static partial class Sentences
{
    public static IEnumerable<(int Start, int End)> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = 0;
        foreach (Match end in SentenceEnd().Matches(text))
        {
            var stop = end.Index + end.Length;
            if (end.Value[0] is '.' && IsAbbreviation(text, end.Index) && !end.Value.Contains('\n'))
            {
                continue;
            }

            var trimmed = Trim(text, start, end.Index + end.Value.TrimEnd().Length);
            if (trimmed.End > trimmed.Start)
            {
                yield return trimmed;
            }

            start = stop;
        }

        var last = Trim(text, start, text.Length);
        if (last.End > last.Start)
        {
            yield return last;
        }
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }

    private static bool IsAbbreviation(string text, int period)
    {
        var wordStart = period;
        while (wordStart > 0 && char.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        var word = text[wordStart..period];
        return word.Length == 1 || _titles.Contains(word);
    }

    private static readonly HashSet<string> _titles = new(StringComparer.OrdinalIgnoreCase) { "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Sgt", "Capt", "St", "Prof", "Sen", "Rep", "Gov", "No", "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec" };

    [GeneratedRegex(@"[.!?؟]+[""'”’»)]*(?:[ \t]+|\r?\n\s*)|\r?\n\s*", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();
}
