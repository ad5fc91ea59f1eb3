using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsDesk.Extraction.Metadata;

/// <summary>A publication date as the page wrote it: whether it named a time zone and a time of day.</summary>
internal readonly partial record struct PageDate(DateTimeOffset Value, bool HasZone, bool HasTime)
{
    private static readonly string[] _formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd", "yyyyMMdd'T'HHmmssK", "yyyyMMdd",
    ];

    /// <summary>
    /// Parses ISO 8601 and RFC 1123 forms. Without a stated zone the wall-clock time is kept with offset zero
    /// and <see cref="HasZone"/> false, so callers never mistake a local time for UTC.
    /// </summary>
    public static PageDate? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var s = text.Trim();
        // "+0530" is not accepted by the K specifier; normalise to "+05:30".
        s = CompactOffset().Replace(s, "$1:$2");
        var hasTime = TimePart().IsMatch(s);
        var hasZone = hasTime && ZonePart().IsMatch(s);

        if (DateTimeOffset.TryParseExact(s, _formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var exact))
        {
            return new PageDate(exact, hasZone, hasTime);
        }

        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var loose))
        {
            var named = NamedZone().IsMatch(s);
            return new PageDate(loose, hasZone || named, hasTime);
        }

        return null;
    }

    [GeneratedRegex(@"([+-]\d\d)(\d\d)$", RegexOptions.CultureInvariant)]
    private static partial Regex CompactOffset();

    [GeneratedRegex(@"\d{1,2}:\d\d|T\d{4}", RegexOptions.CultureInvariant)]
    private static partial Regex TimePart();

    [GeneratedRegex(@"(Z|[+-]\d\d:?\d\d)$", RegexOptions.CultureInvariant)]
    private static partial Regex ZonePart();

    [GeneratedRegex(@"\b(GMT|UTC|UT)\b|[+-]\d\d:?\d\d\b", RegexOptions.CultureInvariant)]
    private static partial Regex NamedZone();
}
