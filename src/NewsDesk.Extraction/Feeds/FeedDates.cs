using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsDesk.Extraction.Feeds;

/// <summary>
/// The dates feeds and sitemaps carry: RFC 822 as the real world writes it (named zones, no seconds, two-digit
/// years, day or month names in other languages), ISO 8601 / W3C-DTF, and Unix time. Unreadable gives null.
/// </summary>
public static partial class FeedDates
{
    private static readonly string[] _isoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mmK",
        "yyyyMMdd'T'HHmmssK", "yyyy-MM-dd", "yyyy-MM", "yyyy",
    ];

    // Months by their first three letters, in the languages feeds are most often written in.
    private static readonly Dictionary<string, int> _months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1,
        ["feb"] = 2,
        ["mar"] = 3,
        ["apr"] = 4,
        ["may"] = 5,
        ["jun"] = 6,
        ["jul"] = 7,
        ["aug"] = 8,
        ["sep"] = 9,
        ["oct"] = 10,
        ["nov"] = 11,
        ["dec"] = 12,
        ["ene"] = 1,
        ["fév"] = 2,
        ["fev"] = 2,
        ["mär"] = 3,
        ["mrz"] = 3,
        ["abr"] = 4,
        ["avr"] = 4,
        ["mai"] = 5,
        ["mag"] = 5,
        ["jui"] = 6,
        ["giu"] = 6,
        ["lug"] = 7,
        ["ago"] = 8,
        ["aoû"] = 8,
        ["set"] = 9,
        ["okt"] = 10,
        ["ott"] = 10,
        ["out"] = 10,
        ["dez"] = 12,
        ["déc"] = 12,
        ["dic"] = 12,
        ["gen"] = 1,
    };

    private static readonly Dictionary<string, int> _zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = 0,
        ["UT"] = 0,
        ["UTC"] = 0,
        ["Z"] = 0,
        ["WET"] = 0,
        ["BST"] = 60,
        ["CET"] = 60,
        ["CEST"] = 120,
        ["MET"] = 60,
        ["EET"] = 120,
        ["EEST"] = 180,
        ["MSK"] = 180,
        ["IST"] = 330,
        ["JST"] = 540,
        ["KST"] = 540,
        ["HKT"] = 480,
        ["AEST"] = 600,
        ["AEDT"] = 660,
        ["NZST"] = 720,
        ["EST"] = -300,
        ["EDT"] = -240,
        ["CST"] = -360,
        ["CDT"] = -300,
        ["MST"] = -420,
        ["MDT"] = -360,
        ["PST"] = -480,
        ["PDT"] = -420,
        ["AKST"] = -540,
        ["HST"] = -600,
        ["AST"] = -240,
    };

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (text.Length is >= 9 and <= 13 && text.All(char.IsAsciiDigit) && long.TryParse(text, CultureInfo.InvariantCulture, out var unix))
        {
            return text.Length == 13 ? DateTimeOffset.FromUnixTimeMilliseconds(unix) : DateTimeOffset.FromUnixTimeSeconds(unix);
        }

        if (DateTimeOffset.TryParseExact(text, _isoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso))
        {
            return iso;
        }

        return Rfc822(text)
            ?? (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var any) ? any : null);
    }

    private static DateTimeOffset? Rfc822(string text)
    {
        var m = Rfc822Pattern().Match(text);
        if (!m.Success || !_months.TryGetValue(m.Groups["mon"].Value[..3], out var month))
        {
            return null;
        }

        var day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        year = m.Groups["year"].Length == 2 ? year + (year < 50 ? 2000 : 1900) : year;
        var hour = m.Groups["h"].Success ? int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
        var minute = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var second = m.Groups["s"].Success ? int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        var offset = Zone(m.Groups["zone"].Value);
        if (offset is null || day is < 1 or > 31 || hour > 24 || minute > 59 || second > 60)
        {
            return null;
        }

        try
        {
            var local = new DateTime(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)), 0, 0, 0, DateTimeKind.Unspecified)
                .AddHours(hour).AddMinutes(minute).AddSeconds(Math.Min(second, 59));
            return new DateTimeOffset(local, offset.Value);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static TimeSpan? Zone(string zone)
    {
        if (zone.Length == 0)
        {
            return TimeSpan.Zero;
        }

        if (_zones.TryGetValue(zone, out var minutes))
        {
            return TimeSpan.FromMinutes(minutes);
        }

        var m = OffsetPattern().Match(zone);
        if (!m.Success)
        {
            return zone.Length == 1 && char.IsAsciiLetter(zone[0]) ? TimeSpan.Zero : null; // military zones: read as UTC
        }

        var span = new TimeSpan(int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
            m.Groups[3].Success ? int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) : 0, 0);
        return span > TimeSpan.FromHours(14) ? null : m.Groups[1].Value == "-" ? -span : span;
    }

    [GeneratedRegex(@"^(?:[\p{L}]+\.?,?\s*)?(?<day>\d{1,2})[\s\-/]+(?<mon>\p{L}{3,})\.?,?[\s\-/]+(?<year>\d{4}|\d{2})(?:[\sT,]+(?<h>\d{1,2})[:.](?<m>\d{2})(?:[:.](?<s>\d{2}))?(?:\.\d+)?)?\s*(?<zone>[A-Za-z]{1,5}|(?:GMT|UTC)?[+\-]\d{1,2}:?\d{0,2})?\s*(?:\([^)]*\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc822Pattern();

    [GeneratedRegex(@"^(?:GMT|UTC)?([+\-])(\d{1,2}):?(\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex OffsetPattern();
}
