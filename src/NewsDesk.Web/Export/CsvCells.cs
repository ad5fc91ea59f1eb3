using System.Buffers;
using System.Globalization;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Export;

/// <summary>
/// How values become cells: text is neutralised against formula injection and cut at Excel's cell limit;
/// dates are ISO 8601. Numbers never pass through <see cref="Text"/>, so "-3" stays a number.
/// </summary>
public static class CsvCells
{
    /// <summary>Excel's limit on the characters in one cell.</summary>
    public const int MaxCellLength = 32_767;

    /// <summary>Ends a text cut to fit <see cref="MaxCellLength"/>, so the cut is visible.</summary>
    public const string TruncationMarker = "…[truncated]";

    /// <summary>Put before a text that a spreadsheet would otherwise evaluate as a formula.</summary>
    public const char FormulaGuard = '\'';

    // OWASP's CSV-injection list plus the full-width forms, which Excel also treats as formula starts, and the
    // line feed: a cell that starts on a new line shows nothing of what follows, which may itself be a formula.
    private static readonly SearchValues<char> _formulaStarts = SearchValues.Create("=+-@\t\r\n＝＋－＠");

    // Characters a spreadsheet (or a user's paste) may strip before evaluating: spaces and quotes around a
    // formula ("=1+1", " =1+1", “=1+1”) must not hide it.
    private static readonly SearchValues<char> _skippedBeforeFormula = SearchValues.Create(" \u00A0\"'“”‘’＂＇");

    /// <summary>A text cell: prefixed with a single quote when it starts like a formula, truncated when too long.</summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (StartsLikeFormula(value))
        {
            value = FormulaGuard + value;
        }

        if (value.Length > MaxCellLength)
        {
            var keep = MaxCellLength - TruncationMarker.Length;
            if (char.IsHighSurrogate(value[keep - 1]))
            {
                keep--;
            }

            value = string.Concat(value.AsSpan(0, keep), TruncationMarker);
        }

        return value;
    }

    /// <summary>
    /// True when a spreadsheet could read the text as a formula: its first character, or its first after leading
    /// spaces and quotes, is a formula start (= + - @, their full-width forms, tab, carriage return, line feed).
    /// </summary>
    public static bool StartsLikeFormula(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        if (_formulaStarts.Contains(value[0]))
        {
            return true;
        }

        var first = value.AsSpan().IndexOfAnyExcept(_skippedBeforeFormula);
        return first > 0 && _formulaStarts.Contains(value[first]);
    }

    /// <summary>Several values in one cell, joined with "; ", then treated as one text cell.</summary>
    public static string Joined(IEnumerable<string?> values) =>
        Text(string.Join("; ", values.Where(v => !string.IsNullOrEmpty(v))));

    /// <summary>A UTC timestamp: <c>2024-07-27T23:56:00Z</c>.</summary>
    public static string Timestamp(DateTime? value) =>
        value?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";

    public static string Date(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>
    /// A publication date only as precise as it is known (<c>2024</c>, <c>2024-07</c>, <c>2024-07-27</c>,
    /// <c>2024-07-27T23:56:00</c>); a time carries <c>Z</c> only when its zone was stated (it is then UTC).
    /// </summary>
    public static string Published(DateTime? at, int? utcOffsetMinutes, DatePrecision precision)
    {
        if (at is not { } value)
        {
            return "";
        }

        var format = precision switch
        {
            DatePrecision.Year => "yyyy",
            DatePrecision.Month => "yyyy-MM",
            DatePrecision.Day or DatePrecision.Approximate => "yyyy-MM-dd",
            _ => utcOffsetMinutes is null ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss'Z'",
        };
        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>Ids in one cell ("3; 7"); ids are never negative, so no guard is needed.</summary>
    public static string Ids(IEnumerable<int> ids) => string.Join("; ", ids.Select(Number));

    /// <summary>
    /// Only the formula guard of <see cref="Text"/>, no cut: for JSON files, whose values a spreadsheet importing
    /// them would evaluate just the same, and which have no cell limit.
    /// </summary>
    public static string? Guarded(string? value) =>
        string.IsNullOrEmpty(value) ? value : StartsLikeFormula(value) ? FormulaGuard + value : value;

    /// <summary>An id in a text list ("3; 7"); ids are never negative, so no guard is needed.</summary>
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
