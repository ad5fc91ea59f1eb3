using System.Net;
using System.Text;

using AngleSharp.Dom;

namespace NewsDesk.Extraction.Content;

/// <summary>
/// Walks the content in document order and cuts it into blocks at block-element boundaries, keeping the inline
/// formatting and links that the HTML allow-list permits. Iterative: a stack of open elements, no recursion.
/// </summary>
internal sealed class BlockRenderer
{
    private readonly DomIndex _index;
    private readonly Uri _baseUrl;
    private readonly List<TextBlock> _blocks = [];
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _html = new();
    private readonly List<int> _open = [];
    private readonly Dictionary<int, string> _closeTags = [];
    private int _inFigure;

    private BlockRenderer(DomIndex index, Uri baseUrl)
    {
        _index = index;
        _baseUrl = baseUrl;
    }

    public static List<TextBlock> Render(DomIndex index, IReadOnlyList<int> roots, Uri baseUrl)
    {
        var renderer = new BlockRenderer(index, baseUrl);
        foreach (var root in roots)
        {
            renderer.Walk(root);
        }

        return renderer._blocks;
    }

    private void Walk(int root)
    {
        var i = root;
        var end = _index.End[root];
        while (i < end)
        {
            CloseUntil(i);
            if (_index.Dead[i])
            {
                i = _index.End[i];
                continue;
            }

            if (_index.IsText(i))
            {
                // Captions and credits describe a picture, not the story: readers and the benchmark skip them.
                if (_inFigure == 0)
                {
                    AppendText(((IText)_index.Nodes[i]).Data);
                }

                i++;
                continue;
            }

            Enter(i);
            _open.Add(i);
            i++;
        }

        CloseUntil(int.MaxValue);
        Flush();
    }

    private void CloseUntil(int next)
    {
        while (_open.Count > 0 && _index.End[_open[^1]] <= next)
        {
            // Exit before popping: a block's flush needs the block itself on the stack to know its kind.
            Exit(_open[^1]);
            _open.RemoveAt(_open.Count - 1);
        }
    }

    private void Enter(int i)
    {
        var tag = _index.Tag[i];
        switch (tag)
        {
            case "figure" or "figcaption":
                Flush();
                _inFigure++;
                return;
            case "br":
                // Line breaks inside prose become paragraph breaks: Text never has a single "\n" in a block.
                Flush();
                return;
            case "img":
                // An image in the middle of a sentence (an icon, an emoji) must not split the paragraph.
                if (_text.Length == 0)
                {
                    AddImage(_index.Element(i));
                }

                return;
            case "a":
                var href = Absolute(_index.Element(i).GetAttribute("href"));
                if (href is not null)
                {
                    _html.Append("<a href=\"").Append(WebUtility.HtmlEncode(href)).Append("\">");
                    _closeTags[i] = "</a>";
                }

                return;
            case "em" or "i" or "strong" or "b":
                _html.Append('<').Append(tag).Append('>');
                _closeTags[i] = $"</{tag}>";
                return;
        }

        if (!DomIndex.IsInline(tag))
        {
            Flush();
        }
    }

    private void Exit(int i)
    {
        if (_index.Tag[i] is "figure" or "figcaption")
        {
            _inFigure--;
            return;
        }

        if (_closeTags.Remove(i, out var close))
        {
            _html.Append(close);
            return;
        }

        if (!DomIndex.IsInline(_index.Tag[i]))
        {
            Flush();
        }
    }

    private void AppendText(string data)
    {
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c) || c == '\u200B' || c == '\uFEFF')
            {
                if (_text.Length > 0 && _text[^1] != ' ')
                {
                    _text.Append(' ');
                    _html.Append(' ');
                }

                continue;
            }

            _text.Append(c);
            switch (c)
            {
                case '<':
                    _html.Append("&lt;");
                    break;
                case '>':
                    _html.Append("&gt;");
                    break;
                case '&':
                    _html.Append("&amp;");
                    break;
                default:
                    _html.Append(c);
                    break;
            }
        }
    }

    private void Flush()
    {
        var text = ArticleHtml.Trimmed(_text);
        if (text.Length > 0)
        {
            var (kind, level) = CurrentKind();
            // Most paragraphs have no markup and nothing to escape: their HTML is their text, and one string serves
            // both (a second copy of the article's text per page otherwise, 10 MB for a 5 MB page).
            _blocks.Add(new TextBlock(kind, level, text, _html.Equals(_text) ? text : ArticleHtml.Trimmed(_html)));
        }

        _text.Clear();
        _html.Clear();
        // Inline tags still open continue in the next block: reopen them so the HTML stays balanced.
        foreach (var open in _open)
        {
            if (_closeTags.ContainsKey(open))
            {
                var tag = _index.Tag[open];
                if (tag == "a")
                {
                    _closeTags.Remove(open);
                }
                else
                {
                    _html.Append('<').Append(tag).Append('>');
                }
            }
        }
    }

    private (BlockKind Kind, int Level) CurrentKind()
    {
        for (var k = _open.Count - 1; k >= 0; k--)
        {
            var tag = _index.Tag[_open[k]];
            switch (tag)
            {
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    return (BlockKind.Heading, Math.Max(2, tag[1] - '0'));
                case "li" or "dd" or "dt":
                    var list = _index.Parent[_open[k]];
                    return (list >= 0 && _index.Tag[list] == "ol" ? BlockKind.OrderedListItem : BlockKind.ListItem, 0);
                case "blockquote":
                    return (BlockKind.Quote, 0);
                case "figcaption":
                    return (BlockKind.Caption, 0);
            }
        }

        return (BlockKind.Paragraph, 0);
    }

    private void AddImage(IElement image)
    {
        var src = Absolute(image.GetAttribute("src")) ?? Absolute(image.GetAttribute("data-src"));
        if (src is null || image.GetAttribute("width") is "1" or "0" || image.GetAttribute("height") is "1" or "0")
        {
            return;
        }

        var alt = image.GetAttribute("alt") ?? "";
        _blocks.Add(new TextBlock(BlockKind.Image, 0, "", $"<img src=\"{WebUtility.HtmlEncode(src)}\" alt=\"{WebUtility.HtmlEncode(alt.Trim())}\">"));
    }

    private string? Absolute(string? href)
    {
        if (string.IsNullOrWhiteSpace(href) || !Uri.TryCreate(_baseUrl, href.Trim(), out var absolute))
        {
            return null;
        }

        return absolute.Scheme is "http" or "https" ? absolute.AbsoluteUri : null;
    }
}
