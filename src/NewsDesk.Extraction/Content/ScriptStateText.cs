using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

using AngleSharp.Dom;

namespace NewsDesk.Extraction.Content;

/// <summary>
/// The prose in a page's script state (<c>window.__INITIAL_STATE__ = {...}</c>, <c>__NEXT_DATA__</c>): the last
/// resort for pages that render the story with script and declare no JSON-LD articleBody. Only string literals
/// that read as sentences count, in document order, each once.
/// </summary>
internal static partial class ScriptStateText
{
    // Scripts are scanned up to this many characters in all: a state blob is large, but not unbounded.
    private const int MaxScriptChars = 4 * 1024 * 1024;
    private const int MinWords = 12;

    public static List<string> Find(IDocument document)
    {
        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var budget = MaxScriptChars;
        foreach (var script in document.QuerySelectorAll("script"))
        {
            var type = script.GetAttribute("type")?.Trim().ToLowerInvariant();
            if (script.HasAttribute("src") || type is "application/ld+json" || (type is not (null or "" or "text/javascript"
                or "application/javascript" or "module" or "application/json")))
            {
                continue;
            }

            var code = script.TextContent;
            if (code.Length > budget)
            {
                break;
            }

            budget -= code.Length;
            foreach (Match literal in StringLiteral().Matches(code))
            {
                var text = Prose(literal.Value);
                if (text is not null && seen.Add(text))
                {
                    found.Add(text);
                }
            }
        }

        return found;
    }

    private static string? Prose(string literal)
    {
        string? value;
        try
        {
            value = JsonSerializer.Deserialize<string>(literal);
        }
        catch (JsonException)
        {
            return null;
        }

        if (value is null)
        {
            return null;
        }

        if (value.Contains('<', StringComparison.Ordinal))
        {
            value = Tag().Replace(value, " ");
        }

        value = string.Join(' ', WebUtility.HtmlDecode(value).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var words = value.Count(c => c == ' ') + 1;
        var letters = value.Count(c => char.IsLetter(c) || c == ' ');
        var isSentence = value.Length > 0 && (value[^1] is '.' or '!' or '?' or '"' or '”' or '。' or '」' || value.Contains(". ", StringComparison.Ordinal));
        return words >= MinWords && isSentence && letters >= value.Length * 0.8 && !value.Contains("://", StringComparison.Ordinal)
            ? value
            : null;
    }

    // A JSON string literal of at least 60 characters, escapes included.
    [GeneratedRegex(@"""(?:[^""\\\r\n]|\\.){60,}""", RegexOptions.CultureInvariant)]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
