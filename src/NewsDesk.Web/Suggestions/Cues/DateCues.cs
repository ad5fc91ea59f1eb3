using System.Globalization;
using System.Text.RegularExpressions;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Suggestions.Matching;

namespace NewsDesk.Web.Suggestions.Cues;

/// <summary>A date the text gives, resolved against the article's date: "on July 26" → 2024-07-26 (day), "in January" → 2024-01 (month).</summary>
public sealed record DateCue(int Start, int End, string Quote, DateOnly Date, DatePrecision Precision);

/// <summary>
/// Finds dates in English and Arabic text and resolves them relative to the article's publication date: a day or
/// month without a year is the latest one not after the article ("on October 7" in July 2024 is 7 October 2023),
/// "last October" the October before the article's month, "yesterday" and "on Monday" count back from it, and
/// vague phrases ("earlier this year", "last week") are kept with the precision they have.
/// </summary>
public static partial class DateCues
{
    public static IReadOnlyList<DateCue> Find(string text, DateOnly? articleDate, int cap = 1_000)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = MatchFolding.Fold(text);
        var found = new List<DateCue>();
        for (var match = DatePhrase().Match(folded.Text); match.Success && found.Count < cap; match = match.NextMatch())
        {
            if (Resolve(match, articleDate) is not { } resolved)
            {
                continue;
            }

            // A sentence's full stop after a month ("in late June.") is not part of the date.
            var length = match.Value.EndsWith('.') && match.Groups["month"].Value.Length > 3 ? match.Length - 1 : match.Length;
            var (start, end) = folded.Original(match.Index, match.Index + length);
            found.Add(new DateCue(start, end, text[start..end], resolved.Date, resolved.Precision));
        }

        return found;
    }

    private static (DateOnly Date, DatePrecision Precision)? Resolve(Match m, DateOnly? reference)
    {
        var g = m.Groups;
        if (g["relday"].Success)
        {
            return reference is { } today ? (today.AddDays(g["relday"].Value is "yesterday" or "last night" or "امس" ? -1 : 0), DatePrecision.Day) : null;
        }

        if (g["weekday"].Success)
        {
            if (reference is not { } today)
            {
                return null;
            }

            var wanted = Array.IndexOf(_weekdays, g["weekday"].Value);
            var back = ((int)today.DayOfWeek - wanted + 7) % 7;
            return (today.AddDays(back == 0 ? -7 : -back), DatePrecision.Day);
        }

        if (g["relunit"].Success)
        {
            if (reference is not { } today)
            {
                return null;
            }

            return g["relunit"].Value switch
            {
                "week" or "الاسبوع" => (today.AddDays(-7), DatePrecision.Approximate),
                "month" or "الشهر" => (new DateOnly(today.Year, today.Month, 1).AddMonths(-1), DatePrecision.Month),
                _ => (new DateOnly(today.Year - 1, 1, 1), DatePrecision.Year),
            };
        }

        if (g["thisunit"].Success)
        {
            return reference is { } today
                ? g["thisunit"].Value == "month" ? (new DateOnly(today.Year, today.Month, 1), DatePrecision.Approximate) : (new DateOnly(today.Year, 1, 1), DatePrecision.Approximate)
                : null;
        }

        if (g["yearonly"].Success)
        {
            return (new DateOnly(Number(g["yearonly"].Value), 1, 1), DatePrecision.Year);
        }

        var month = MonthNumber(g["month"].Value);
        if (month == 0 || (_wordLikeMonths.Contains(g["month"].Value) && !(g["day"].Success || g["day2"].Success || g["year"].Success || g["prep"].Success || g["last"].Success)))
        {
            // "it may be", "mar" or مارس ("practised") alone are words, not months.
            return null;
        }

        int? year = g["year"].Success ? Number(g["year"].Value) : null;
        var day = g["day"].Success ? Number(g["day"].Value) : g["day2"].Success ? Number(g["day2"].Value) : 0;
        var last = g["last"].Success;
        var vague = g["vague"].Success;
        if (year is null)
        {
            if (reference is not { } today)
            {
                return null;
            }

            // The latest such day or month not after the article (strictly before its month for "last October").
            year = today.Year;
            var candidateMonth = new DateOnly(today.Year, month, 1);
            var thisMonth = new DateOnly(today.Year, today.Month, 1);
            if (last ? candidateMonth >= thisMonth : day > 0 ? SafeDate(today.Year, month, day) > today.AddDays(1) : candidateMonth > thisMonth)
            {
                year--;
            }
        }

        if (day > 0)
        {
            return SafeDate(year.Value, month, day) is { } date ? (date, DatePrecision.Day) : null;
        }

        return (new DateOnly(year.Value, month, 1), vague ? DatePrecision.Approximate : DatePrecision.Month);
    }

    private static DateOnly? SafeDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    private static int Number(string digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            value = (value * 10) + (int)char.GetNumericValue(c);
        }

        return value;
    }

    private static int MonthNumber(string name)
    {
        for (var i = 0; i < 12; i++)
        {
            if (_months[i].Split('|').Contains(name))
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static readonly HashSet<string> _wordLikeMonths = ["may", "mar", "jan", "jun", "jul", "sep", "oct", "nov", "dec", "march", "مارس", "اب"];

    private static readonly string[] _weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    // English (full and short), Arabic (Egyptian/Gulf and Levantine names), as folded (alef forms folded to ا).
    private static readonly string[] _months =
    [
        "january|jan|يناير|كانون الثاني", "february|feb|فبراير|شباط", "march|mar|مارس|اذار", "april|apr|ابريل|نيسان", "may|مايو|ايار",
        "june|jun|يونيو|حزيران", "july|jul|يوليو|تموز", "august|aug|اغسطس|اب", "september|sept|sep|سبتمبر|ايلول",
        "october|oct|اكتوبر|تشرين الاول", "november|nov|نوفمبر|تشرين الثاني", "december|dec|ديسمبر|كانون الاول",
    ];

    private const string Month =
        "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
        + "|يناير|فبراير|مارس|ابريل|مايو|يونيو|يوليو|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر"
        + "|كانون الثاني|شباط|اذار|نيسان|ايار|حزيران|تموز|اب|ايلول|تشرين الاول|تشرين الثاني|كانون الاول";

    private const string Digit = "[0-9\u0660-\u0669]";

    [GeneratedRegex(
        @"(?<![\p{L}\p{N}])(?:"
        + @"(?<day>" + Digit + @"{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<month>" + Month + @")\.?(?:,?\s+(?<year>" + Digit + @"{4}))?"
        + @"|(?:(?<last>last|past)\s+|(?<vague>early|late|mid|mid-)\s*|(?<prep>in|on|since|by|until|during|في|منذ)\s+)?(?<month>" + Month + @")\.?(?:\s+(?<day2>" + Digit + @"{1,2})(?:st|nd|rd|th)?(?![\p{N}]))?(?:,?\s+(?<year>" + Digit + @"{4}))?(?:\s+(?<last>الماضي))?"
        + @"|(?<relday>yesterday|today|last night|امس)"
        + @"|(?:on|last)\s+(?<weekday>sunday|monday|tuesday|wednesday|thursday|friday|saturday)"
        + @"|(?:last|past)\s+(?<relunit>week|month|year)|(?<relunit>الاسبوع|الشهر|العام)\s+الماضي"
        + @"|earlier\s+this\s+(?<thisunit>year|month)"
        + @"|(?:in|since|في|عام)\s+(?<yearonly>(?:19|20)" + Digit + @"{2})"
        + @")(?![\p{L}\p{N}])",
        RegexOptions.CultureInvariant)]
    private static partial Regex DatePhrase();

    internal static string Describe(DateCue cue) => cue.Precision switch
    {
        DatePrecision.Day => cue.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DatePrecision.Month => cue.Date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        DatePrecision.Year => cue.Date.ToString("yyyy", CultureInfo.InvariantCulture),
        _ => "about " + cue.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
