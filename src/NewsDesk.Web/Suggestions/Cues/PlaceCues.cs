using NewsDesk.Web.Places;
using NewsDesk.Web.Suggestions.Matching;

namespace NewsDesk.Web.Suggestions.Cues;

/// <summary>A known place the text names: a gazetteer place (most populous namesake) or a country.</summary>
public sealed record PlaceCue(int Start, int End, string Quote, string Name, string? Country, string? Admin1, double? Latitude, double? Longitude, bool IsCountry);

/// <summary>
/// Finds known place names in text with the gazetteer of issue 18 (GeoNames, with Arabic names) and the ISO
/// country list: runs of up to three words, longest first; in Latin script only capitalised runs (so "nice" or
/// "mobile" as words are not places), in Arabic any run, also after a proclitic (وبغداد → بغداد).
/// </summary>
public static class PlaceCues
{
    private const int MaxWords = 3;

    public static IReadOnlyList<PlaceCue> Find(string text, Gazetteer gazetteer, int cap = 1_000)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(gazetteer);
        var words = Words(text);
        var found = new List<PlaceCue>();
        for (var i = 0; i < words.Count && found.Count < cap; i++)
        {
            for (var n = Math.Min(MaxWords, words.Count - i); n >= 1; n--)
            {
                if (!Joined(text, words, i, n) || !Plausible(text, words, i, n))
                {
                    continue;
                }

                var start = words[i].Start;
                var end = words[i + n - 1].End;
                var cue = Lookup(text[start..end], gazetteer);
                if (cue is null && IsArabic(text[start]) && _proclitics.Contains(text[start]) && end - start > 3)
                {
                    cue = Lookup(text[(start + 1)..end], gazetteer);
                    start += cue is null ? 0 : 1;
                }

                if (cue is null)
                {
                    continue;
                }

                found.Add(cue with { Start = start, End = end, Quote = text[start..end] });
                i += n - 1;
                break;
            }
        }

        return found;
    }

    private static PlaceCue? Lookup(string phrase, Gazetteer gazetteer)
    {
        if (phrase.Length >= 4 && Countries.Find(phrase) is { } country && !phrase.All(c => !char.IsLetter(c) || char.IsUpper(c)))
        {
            return new PlaceCue(0, 0, phrase, country.Name, country.Name, null, null, null, IsCountry: true);
        }

        return gazetteer.Named(phrase) is not [var place, ..] ? null : new PlaceCue(0, 0, phrase, place.Name, place.Country, place.Admin1, place.Latitude, place.Longitude, IsCountry: false);
    }

    private static bool Plausible(string text, List<(int Start, int End)> words, int first, int count)
    {
        var head = words[first];
        var word = text[head.Start..head.End];
        if (IsArabic(word[0]))
        {
            return count > 1 || word.Length >= 3;
        }

        if (!char.IsUpper(word[0]) || (count == 1 && word.Length < 4))
        {
            return false;
        }

        var last = text[words[first + count - 1].Start..words[first + count - 1].End];
        if (WeakAliases.Refusal(new AliasEntry(0, "", last)) is not null || _notPlaces.Contains(word))
        {
            return false;
        }

        // A run's later words are capitalised, or Arabic-name particles ("Deir ez-Zor", "Ras al Ain").
        for (var k = first + 1; k < first + count; k++)
        {
            var next = text[words[k].Start..words[k].End];
            if (!char.IsUpper(next[0]) && !_particles.Contains(next))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Joined(string text, List<(int Start, int End)> words, int first, int count)
    {
        for (var k = first; k < first + count - 1; k++)
        {
            var gap = text.AsSpan(words[k].End, words[k + 1].Start - words[k].End);
            if (gap.Length != 1 || gap[0] is not (' ' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static List<(int Start, int End)> Words(string text)
    {
        var words = new List<(int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (MatchFolding.IsWordChar(text[i]) || (text[i] is '\'' or '\u2019' && i + 1 < text.Length && char.IsLetter(text[i + 1]) && !(text[i + 1] is 's' && (i + 2 >= text.Length || !char.IsLetter(text[i + 2]))))))
            {
                i++;
            }

            words.Add((start, i));
        }

        return words;
    }

    private static readonly HashSet<char> _proclitics = ['\u0648', '\u0628', '\u0644', '\u0641'];

    private static bool IsArabic(char c) => c is >= '\u0600' and <= '\u06FF';

    private static readonly HashSet<string> _particles = new(StringComparer.Ordinal) { "al", "el", "ez", "az", "as", "ad", "ar", "an", "ash", "at", "ibn", "bin", "de", "del", "la", "of", "upon", "on" };

    // Capitalised words that are also towns somewhere (Of in Turkey, Many in France) but in news text are words.
    private static readonly HashSet<string> _notPlaces = new(StringComparer.Ordinal)
    {
        "This", "That", "These", "Those", "There", "Then", "Now", "Many", "Most", "Some", "More", "Also", "However", "Earlier", "Efforts",
        "Additionally", "Furthermore", "Notably", "Similarly", "Simultaneously", "Taking", "According", "President", "Vice", "Iranian",
        "Israeli", "Iraqi", "Syrian", "American", "Democratic", "Republican", "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    };
}
