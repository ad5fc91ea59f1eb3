namespace NewsDesk.Extraction.Content;

/// <summary>
/// Runs prune, score, clean and render; if that finds too little text (a class name misled the pruning),
/// tries again with looser rules and keeps the longest result, as Readability does.
/// </summary>
internal static class ContentExtractor
{
    // Below this many characters the first attempt is suspected of having thrown the article away.
    private const int EnoughText = 500;

    public static List<TextBlock> Extract(DomIndex index, Uri url, string? title)
    {
        List<TextBlock>? best = null;
        var bestLength = -1;
        foreach (var useNames in (ReadOnlySpan<bool>)[true, false])
        {
            if (best is not null)
            {
                index.Reset();
            }

            BoilerplateFilter.Apply(index, useNames);
            var roots = ContentScorer.FindContent(index);
            ContentCleaner.Clean(index, roots, title);
            var blocks = BlockFilter.Apply(BlockRenderer.Render(index, roots, url), title);
            var length = blocks.Sum(b => b.Text.Length);
            if (length > bestLength)
            {
                best = blocks;
                bestLength = length;
            }

            if (length >= EnoughText)
            {
                break;
            }
        }

        return best!;
    }
}
