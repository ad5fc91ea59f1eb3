using System.Globalization;
using System.IO.Compression;
using System.Text;
using NewsDesk.Web.Places;

namespace GazetteerBench;

/// <summary>
/// The gazetteer's loader as it was before session 6 (commit 4839606), kept as a baseline: every name folded with
/// the Unicode pass, names de-duplicated with LINQ, a struct array sorted with a comparison delegate.
/// </summary>
internal static class PreviousLoader
{
    public static int Load()
    {
        var places = new List<Place>(50_000);
        var names = new List<(string Key, int Place)>(400_000);
        using var reader = new StreamReader(new GZipStream(
            typeof(Gazetteer).Assembly.GetManifestResourceStream("NewsDesk.Web.Places.Data.places.tsv.gz")!, CompressionMode.Decompress), Encoding.UTF8);
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
                names.Add((name, number));
            }
        }

        var sorted = names.ToArray();
        Array.Sort(sorted, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return sorted.Length;
    }

    private static string Fold(string? text)
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

    private static string? Blank(string value) => value.Length == 0 ? null : value;
}
