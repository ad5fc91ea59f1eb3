using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace NewsDesk.Web.Places;

/// <summary>
/// The offline gazetteer: GeoNames places of at least 5,000 inhabitants (Places/Data/places.tsv.gz, CC BY 4.0),
/// searched by the start of any of their names, with or without diacritics. Loaded once, on first use, into a
/// sorted array of folded names, so a search is a binary search plus a sort of the matches by population.
/// </summary>
public sealed class Gazetteer
{
    /// <summary>Shown wherever places from the gazetteer are offered, as CC BY 4.0 requires.</summary>
    public const string Attribution = "Places from GeoNames (geonames.org), CC BY 4.0";

    private readonly Lazy<Index> _index = new(Load);

    /// <summary>How many places are loaded (loads them).</summary>
    public int Count => _index.Value.Places.Length;

    /// <summary>Places a name of which starts with <paramref name="query"/>, most populous first.</summary>
    public IReadOnlyList<Place> Search(string? query, int limit = 10)
    {
        var key = Fold(query);
        if (key.Length == 0 || limit <= 0)
        {
            return [];
        }

        var index = _index.Value;
        var first = LowerBound(index.Keys, key);
        var seen = new HashSet<int>();
        for (var i = first; i < index.Keys.Length && index.Keys[i].StartsWith(key, StringComparison.Ordinal); i++)
        {
            seen.Add(index.Owners[i]);
        }

        // The folded main names were made at load: a short prefix matches thousands of places, and folding each
        // of them again here was most of a search's time.
        return [.. seen
            .OrderByDescending(p => index.FoldedNames[p] == key)
            .ThenByDescending(p => index.Places[p].Population)
            .ThenBy(p => index.Places[p].Name, StringComparer.Ordinal)
            .Take(limit)
            .Select(p => index.Places[p])];
    }

    /// <summary>Places one of whose names is exactly <paramref name="name"/> (folded), most populous first.</summary>
    public IReadOnlyList<Place> Named(string? name)
    {
        var key = Fold(name);
        if (key.Length == 0)
        {
            return [];
        }

        var index = _index.Value;
        var places = new List<Place>();
        for (var i = LowerBound(index.Keys, key); i < index.Keys.Length && index.Keys[i] == key; i++)
        {
            places.Add(index.Places[index.Owners[i]]);
        }

        return [.. places.Distinct().OrderByDescending(p => p.Population)];
    }

    /// <summary>Lower case, without diacritics (Latin accents and Arabic harakat), spaces and dashes alike.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var trimmed = text.Trim();
        if (Ascii.IsValid(trimmed))
        {
            // Most names: nothing to decompose or drop, so only case and dashes, without the Unicode pass.
            return FoldAscii(trimmed);
        }

        var builder = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format || c == 'ـ')
            {
                continue;
            }

            builder.Append(c is '-' or '‐' or '_' ? ' ' : char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    // The same as the Unicode pass gives for ASCII (FormD leaves it as it is and it has no marks): the string
    // itself when it is folded already, as most names in the file are not but most keys typed are.
    private static string FoldAscii(string text)
    {
        var changes = text.AsSpan().IndexOfAny(_asciiToFold);
        if (changes < 0)
        {
            return text;
        }

        return string.Create(text.Length, text, static (folded, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                folded[i] = c is '-' or '_' ? ' ' : char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
            }
        });
    }

    private static readonly SearchValues<char> _asciiToFold = SearchValues.Create("-_ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private static int LowerBound(string[] keys, string key)
    {
        int low = 0, high = keys.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (string.CompareOrdinal(keys[mid], key) < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private static Index Load()
    {
        var places = new List<Place>(50_000);
        var foldedNames = new List<string>(50_000);
        var keys = new List<string>(300_000);
        var owners = new List<int>(300_000);
        var placeKeys = new List<string>(16);
        using var reader = new StreamReader(
            new GZipStream(PlaceData.Open("places.tsv.gz"), CompressionMode.Decompress), Encoding.UTF8, detectEncodingFromByteOrderMarks: false, 1 << 16);
        Span<Range> fields = stackalloc Range[9];
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("name\t", StringComparison.Ordinal))
            {
                continue;
            }

            var text = line.AsSpan();
            if (text.Split(fields, '\t') < 8)
            {
                throw new InvalidDataException($"A line of the gazetteer has fewer than 8 fields: {line}");
            }

            var alternates = text[fields[1]];
            var countryCode = text[fields[2]].ToString();
            var place = new Place(
                text[fields[0]].ToString(), alternates.IsEmpty ? [] : alternates.ToString().Split('|'), countryCode,
                Countries.ByAlpha2(countryCode)?.Name, Blank(text[fields[3]]), Blank(text[fields[4]]),
                double.Parse(text[fields[5]], CultureInfo.InvariantCulture), double.Parse(text[fields[6]], CultureInfo.InvariantCulture),
                int.Parse(text[fields[7]], CultureInfo.InvariantCulture));
            var number = places.Count;
            places.Add(place);

            // Each of a place's folded names once (a handful per place: a list beats a set).
            placeKeys.Clear();
            var folded = Fold(place.Name);
            foldedNames.Add(folded);
            placeKeys.Add(folded);
            foreach (var alternate in place.AlternateNames)
            {
                var key = Fold(alternate);
                if (!placeKeys.Contains(key))
                {
                    placeKeys.Add(key);
                }
            }

            foreach (var key in placeKeys)
            {
                keys.Add(key);
                owners.Add(number);
            }
        }

        var sortedKeys = keys.ToArray();
        var sortedOwners = owners.ToArray();
        Array.Sort(sortedKeys, sortedOwners, StringComparer.Ordinal);
        return new Index([.. places], [.. foldedNames], sortedKeys, sortedOwners);
    }

    private static string? Blank(ReadOnlySpan<char> value) => value.IsEmpty ? null : value.ToString();

    // Keys[i] is a folded name of Places[Owners[i]], sorted by key (ordinal); FoldedNames[p] is the folded main name of Places[p].
    private sealed record Index(Place[] Places, string[] FoldedNames, string[] Keys, int[] Owners);
}
