using System.Text.RegularExpressions;

namespace NewsDesk.Extraction.Content;

/// <summary>Drops blocks that are furniture whatever markup carries them ("Advertisement", "Share this article").</summary>
internal static partial class BlockFilter
{
    public static List<TextBlock> Apply(List<TextBlock> blocks, string? title)
    {
        var result = new List<TextBlock>(blocks.Count);
        foreach (var block in blocks)
        {
            if (block.Kind == BlockKind.Image)
            {
                result.Add(block);
                continue;
            }

            if (Furniture().IsMatch(block.Text))
            {
                continue;
            }

            // The headline repeated at the top of the body belongs to Title, not Text.
            if (!result.Any(b => b.Kind != BlockKind.Image) && title is not null
                && string.Equals(block.Text, title, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            result.Add(block);
        }

        // Author bios, newsletter pitches and copyright lines trail the story; only the tail is trimmed, so a
        // sentence in the middle of the article that happens to say "subscribe" is never touched.
        while (result.Count > 0 && result[^1].Text.Length < 400 && Promotion().IsMatch(result[^1].Text))
        {
            result.RemoveAt(result.Count - 1);
        }

        return result;
    }

    [GeneratedRegex(@"\b(subscribe|newsletters?|sign up|follow (us|him|her|me|them)( on)?|join (us|our)|have a (news )?tip|may be reached at|requires javascript|all rights reserved|subject to copyright|you may also (like|be interested)|tell us what you think|click here)\b|^\s*(©|\(c\)|copyright\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Promotion();

    [GeneratedRegex(@"^(advertisement|advertising|advert|ad|sponsored( content)?|story continues below( advertisement)?|continue reading( below)?|share( this( article| story)?)?( on)?:?|follow us( on)?:?|related( articles| stories| content| links| news| posts)?:?|read more:?|see also:?|tags:?|image|photo|video|listen|print|email|comments?|loading\W*)\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Furniture();
}
