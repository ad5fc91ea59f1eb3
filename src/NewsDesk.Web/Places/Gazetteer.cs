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
        var first = LowerBound(index.Names, key);
        var seen = new HashSet<int>();
        for (var i = first; i < index.Names.Length && index.Names[i].Key.StartsWith(key, StringComparison.Ordinal); i++)
        {
            seen.Add(index.Names[i].Place);
        }

        return [.. seen.Select(p => index.Places[p])
            .OrderByDescending(p => Fold(p.Name) == key)
            .ThenByDescending(p => p.Population)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .Take(limit)];
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
        for (var i = LowerBound(index.Names, key); i < index.Names.Length && index.Names[i].Key == key; i++)
        {
            places.Add(index.Places[index.Names[i].Place]);
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

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim().Normalize(NormalizationForm.FormD))
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

    private static int LowerBound(NameEntry[] names, string key)
    {
        int low = 0, high = names.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (string.CompareOrdinal(names[mid].Key, key) < 0)
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
        var names = new List<NameEntry>(400_000);
        using var reader = new StreamReader(new GZipStream(PlaceData.Open("places.tsv.gz"), CompressionMode.Decompress), Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("name\t", StringComparison.Ordinal))
            {
                continue;
            }

            var f = line.Split('\t');
            var country = Countries.ByAlpha2(f[2]);
            var place = new Place(
                f[0], f[1].Length == 0 ? [] : f[1].Split('|'), f[2], country?.Name, Blank(f[3]), Blank(f[4]),
                double.Parse(f[5], CultureInfo.InvariantCulture), double.Parse(f[6], CultureInfo.InvariantCulture),
                int.Parse(f[7], CultureInfo.InvariantCulture));
            var number = places.Count;
            places.Add(place);
            foreach (var name in place.AlternateNames.Prepend(place.Name).Select(Fold).Distinct())
            {
                names.Add(new NameEntry(name, number));
            }
        }

        var sorted = names.ToArray();
        Array.Sort(sorted, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return new Index([.. places], sorted);
    }

    private static string? Blank(string value) => value.Length == 0 ? null : value;

    private readonly record struct NameEntry(string Key, int Place);

    private sealed record Index(Place[] Places, NameEntry[] Names);
}
