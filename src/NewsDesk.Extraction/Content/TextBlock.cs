namespace NewsDesk.Extraction.Content;

/// <summary>What a block of article text is, which decides its HTML element.</summary>
internal enum BlockKind
{
    Paragraph,
    Heading,
    ListItem,
    OrderedListItem,
    Quote,
    Caption,
    Image,
}

/// <summary>One block of the article: its plain text (whitespace collapsed) and its inline HTML.</summary>
internal sealed record TextBlock(BlockKind Kind, int Level, string Text, string InlineHtml);
