using System.Text.RegularExpressions;

namespace NewsDesk.Extraction.Content;

/// <summary>
/// A "By Maria Jansen" line at the top of the body is the byline, metadata rather than text: it is taken out of
/// the blocks (and becomes the byline when the page's metadata named none).
/// </summary>
internal static partial class BylineLine
{
    // Only the first few blocks can be the byline line, and only before the story's first real paragraph.
    private const int LeadingBlocks = 3;
    private const int MaxLength = 120;

    public static List<TextBlock> Take(List<TextBlock> blocks, string? knownByline, out string? byline)
    {
        byline = null;
        var seen = 0;
        for (var b = 0; b < blocks.Count && seen < LeadingBlocks; b++)
        {
            var text = blocks[b].Text;
            if (blocks[b].Kind == BlockKind.Image)
            {
                continue;
            }

            seen++;
            if (text.Length > MaxLength)
            {
                break;
            }

            var match = Line().Match(text);
            var isKnown = knownByline is not null && (string.Equals(text, knownByline, StringComparison.OrdinalIgnoreCase)
                || (match.Success && string.Equals(match.Groups["name"].Value.Trim(), knownByline, StringComparison.OrdinalIgnoreCase)));
            if (match.Success || isKnown)
            {
                byline = match.Success ? match.Groups["name"].Value.Trim() : knownByline;
                return [.. blocks.Take(b), .. blocks.Skip(b + 1)];
            }
        }

        return blocks;
    }

    // "By Maria Jansen", "By Maria Jansen and Tom de Vries | Reuters", "Von Anna Müller", "Par Jean Dupont": a
    // byline word, then capitalised names (joined by and/und/et/y, particles allowed), then at most a short tail.
    [GeneratedRegex(@"^(?i:by|von|par|por|door|av|af)\s+(?<name>\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.\-]*|and|und|et|y|e|&|de|van|von|der|da|di|del|la|le|bin|al|el)){0,6})\s*(?:[|,·•–—\-]\s*[^.!?]{0,60})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Line();
}
