using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html;

namespace NewsDesk.Extraction.Feeds.Xml;

/// <summary>
/// Text-level fixes for the ill-formed XML real feeds carry: HTML named entities (&amp;nbsp;, &amp;eacute;) become
/// character references, a stray "&amp;" becomes "&amp;amp;", characters XML 1.0 forbids are dropped, and an XML
/// declaration or DOCTYPE that is not where XML allows it is removed. Well-formed markup passes unchanged.
/// </summary>
public static partial class XmlRepair
{
    private static readonly HashSet<string> _xmlEntities = ["amp", "lt", "gt", "quot", "apos"];

    /// <summary>Markup before the root element that only confuses parsers: leading junk, late declarations, DOCTYPEs.</summary>
    public static string TrimProlog(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = text.IndexOf('<', StringComparison.Ordinal);
        text = start > 0 ? text[start..] : text;
        // "<?xml" must be the very first thing; after a comment or a blank line it is an error, so drop it there.
        return LateDeclaration().Replace(text, "", 1, 1);
    }

    public static string Repair(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = Doctype().Replace(text, "", 1);
        text = ForbiddenCharacters().Replace(text, "");
        return Ampersand().Replace(text, ReplaceReference);
    }

    private static string ReplaceReference(Match match)
    {
        var name = match.Groups["name"];
        if (!name.Success)
        {
            // A numeric reference, kept when it names a character XML allows.
            return match.Groups["num"].Success && AllowedNumeric(match.Value) ? match.Value : "&amp;" + match.Value[1..];
        }

        if (_xmlEntities.Contains(name.Value))
        {
            return match.Value;
        }

        var symbol = HtmlEntityProvider.Resolver.GetSymbol(name.Value + ";");
        if (string.IsNullOrEmpty(symbol))
        {
            return "&amp;" + match.Value[1..];
        }

        var text = new StringBuilder();
        foreach (var rune in symbol.EnumerateRunes())
        {
            text.Append("&#").Append(rune.Value).Append(';');
        }

        return text.ToString();
    }

    private static bool AllowedNumeric(string reference)
    {
        var digits = reference[2..^1];
        var ok = digits.StartsWith('x') || digits.StartsWith('X')
            ? int.TryParse(digits[1..], System.Globalization.NumberStyles.HexNumber, null, out var value)
            : int.TryParse(digits, System.Globalization.CultureInfo.InvariantCulture, out value);
        return ok && (value is 0x9 or 0xA or 0xD || value is >= 0x20 and <= 0xD7FF || value is >= 0xE000 and <= 0xFFFD || value is >= 0x10000 and <= 0x10FFFF);
    }

    // Any "&": a reference with its semicolon is matched whole; anything else is a bare ampersand.
    [GeneratedRegex(@"&(?:(?<name>[A-Za-z][A-Za-z0-9]{0,31});|(?<num>#[0-9]{1,7};|#[xX][0-9A-Fa-f]{1,6};))?", RegexOptions.CultureInvariant)]
    private static partial Regex Ampersand();

    [GeneratedRegex(@"[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]", RegexOptions.CultureInvariant)]
    private static partial Regex ForbiddenCharacters();

    [GeneratedRegex(@"<\?xml\b[^>]*\?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LateDeclaration();

    [GeneratedRegex(@"<!DOCTYPE[^>\[]*(\[[^\]]*\])?[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Doctype();
}
