namespace NewsDesk.Extraction.Content;

/// <summary>
/// Removes leftovers inside the chosen content: link lists, image galleries, widgets and the headline
/// (Readability's conditional cleaning), judged deepest-first so a bad child does not condemn its parent.
/// </summary>
internal static class ContentCleaner
{
    public static void Clean(DomIndex index, IReadOnlyList<int> roots, string? title)
    {
        foreach (var root in roots)
        {
            var rootProse = Math.Max(1, index.TextLength[root] - index.LinkLength[root]);
            var firstText = FirstText(index, root);
            var dataTables = DataTables(index, root);
            for (var i = index.End[root] - 1; i >= root; i--)
            {
                if (index.Dead[i] || index.IsText(i))
                {
                    continue;
                }

                var tag = index.Tag[i];
                if ((tag == "h1" && i <= firstText && firstText < index.End[i] && RepeatsTitle(index, i, title)) || (IsConditional(tag) && i != root && !InDataTable(index, i, dataTables) && ShouldRemove(index, i, rootProse)))
                {
                    index.Removed[i] = true;
                    MarkDead(index, i);
                }
            }
        }

        index.ComputeStatistics();
    }

    /// <summary>
    /// The first live text node of the content: an &lt;h1&gt; holding it that repeats the title is the headline (Title,
    /// not Text); a later &lt;h1&gt; is a section heading of a page that uses h1 throughout.
    /// </summary>
    private static int FirstText(DomIndex index, int root)
    {
        for (var i = root; i < index.End[root]; i++)
        {
            if (index.Dead[i])
            {
                i = index.End[i] - 1;
            }
            else if (index.IsText(i) && index.TextLength[i] > 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The headline: most of the heading's words are words of the page's title (which often adds the site's name).</summary>
    private static bool RepeatsTitle(DomIndex index, int i, string? title)
    {
        if (title is null)
        {
            return true;
        }

        var titleWords = Words(title).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var words = Words(index.Nodes[i].TextContent).ToList();
        return words.Count == 0 || words.Count(titleWords.Contains) >= words.Count * 0.75;
    }

    private static IEnumerable<string> Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '“', '”', '‘', '’'));

    /// <summary>
    /// Tables of data (a caption, header cells, or many rows and columns: Readability's test) are content, however
    /// many links their cells hold; layout tables are judged like any block.
    /// </summary>
    private static List<(int Start, int End)> DataTables(DomIndex index, int root)
    {
        var tables = new List<(int Start, int End)>();
        // Nested tables would rescan the same cells once per level: a budget keeps hostile nesting linear.
        var budget = 200_000;
        for (var i = root; i < index.End[root] && budget > 0; i++)
        {
            if (index.Dead[i] || index.Tag[i] != "table")
            {
                continue;
            }

            var element = index.Element(i);
            if (element.GetAttribute("role") == "presentation" || element.GetAttribute("datatable") == "0")
            {
                continue;
            }

            budget -= index.End[i] - i;
            int rows = 0, cells = 0;
            bool header = element.HasAttribute("summary"), nested = false;
            for (var d = i + 1; d < index.End[i]; d++)
            {
                switch (index.Tag[d])
                {
                    case "tr":
                        rows++;
                        break;
                    case "td":
                        cells++;
                        break;
                    case "caption" or "th" or "thead" or "tfoot" or "colgroup" or "col":
                        header = true;
                        break;
                    case "table":
                        nested = true;
                        break;
                }
            }

            var columns = rows == 0 ? 0 : cells / rows;
            if (!nested && (header || rows >= 10 || columns > 4 || rows * columns > 10))
            {
                tables.Add((i, index.End[i]));
                i = index.End[i] - 1;
            }
        }

        return tables;
    }

    private static bool InDataTable(DomIndex index, int i, List<(int Start, int End)> tables)
    {
        foreach (var (start, end) in tables)
        {
            if (i >= start && i < end)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsConditional(string tag) =>
        tag is "div" or "section" or "table" or "ul" or "ol" or "dl" or "form" or "fieldset" or "figure" or "span" or "p";

    private static void MarkDead(DomIndex index, int i)
    {
        // Keep the statistics of ancestors honest without a full recomputation: subtract the removed subtree.
        var text = index.TextLength[i];
        var links = index.LinkLength[i];
        var linkCount = index.Links[i];
        var paragraphs = index.Paragraphs[i];
        var images = index.Images[i];
        var items = index.ListItems[i];
        for (var a = index.Parent[i]; a >= 0; a = index.Parent[a])
        {
            index.TextLength[a] -= text;
            index.LinkLength[a] -= links;
            index.Links[a] -= linkCount;
            index.Paragraphs[a] -= paragraphs;
            index.Images[a] -= images;
            index.ListItems[a] -= items;
        }

        for (var d = i; d < index.End[i]; d++)
        {
            index.Dead[d] = true;
        }
    }

    private static bool ShouldRemove(DomIndex index, int i, int rootProse)
    {
        var tag = index.Tag[i];
        var text = index.TextLength[i];
        var density = index.LinkDensity(i);

        if (tag == "p")
        {
            // A paragraph that is only a link ("Read more: ...", "Click here to subscribe") is navigation.
            return text > 0 && density > 0.8 && index.Images[i] == 0;
        }

        if (tag == "span")
        {
            // A cluster of links inside prose is a hover card or inline promo; one linked name is part of the sentence.
            return density > 0.8 && index.Links[i] >= 2;
        }

        var weight = BoilerplateFilter.ClassWeight(index, i);
        if (weight < 0)
        {
            // A name is not proof: the block that carries the content's prose stays ("field--label-hidden"), and so
            // does a quotation (an embedded post in a "social-media-embed" wrapper is text the story quotes).
            return !BoilerplateFilter.IsTheArticle(index, i, rootProse) && !IsQuotation(index, i);
        }

        if (index.Commas[i] >= 10)
        {
            return false;
        }

        var isList = tag is "ul" or "ol" or "dl";
        var paragraphs = index.Paragraphs[i];
        var images = index.Images[i];
        var items = index.ListItems[i] - 100;
        var headingDensity = text == 0 ? 0 : (double)index.HeadingLength[i] / text;
        var inFigure = tag == "figure" || HasAncestor(index, i, "figure");

        if (images > 1 && paragraphs < images / 2.0 && !inFigure)
        {
            return true;
        }

        if (!isList && items > paragraphs)
        {
            return true;
        }

        if (index.Inputs[i] > paragraphs / 3)
        {
            return true;
        }

        if (!isList && headingDensity < 0.9 && text < 25 && (images == 0 || images > 2) && !inFigure)
        {
            return true;
        }

        // A list of links is navigation; a list whose items say more than their link ("Bug 123 – what was fixed")
        // is content, however link-dense.
        if (isList && density > 0.5 && MostItemsAreLinks(index, i))
        {
            return true;
        }

        if (!isList && weight < 25 && density > 0.2 && paragraphs < 2)
        {
            return true;
        }

        if (!isList && density > 0.5)
        {
            return true;
        }

        var embeds = index.Embeds[i];
        return (embeds == 1 && text < 75) || embeds > 1;
    }

    /// <summary>At least half of the list's non-empty items are (almost) all link text.</summary>
    private static bool MostItemsAreLinks(DomIndex index, int list)
    {
        int items = 0, links = 0;
        for (var c = list + 1; c < index.End[list]; c = index.End[c])
        {
            if (index.Dead[c] || index.IsText(c) || index.TextLength[c] == 0)
            {
                continue;
            }

            items++;
            if (index.LinkDensity(c) >= 0.8)
            {
                links++;
            }
        }

        return links * 2 >= items;
    }

    /// <summary>Four fifths of the block's text is inside &lt;blockquote&gt; elements.</summary>
    private static bool IsQuotation(DomIndex index, int i)
    {
        var quoted = 0;
        for (var d = i + 1; d < index.End[i]; d++)
        {
            if (!index.Dead[d] && index.Tag[d] == "blockquote")
            {
                quoted += index.TextLength[d];
                d = index.End[d] - 1;
            }
        }

        return quoted > 0 && quoted * 5 >= index.TextLength[i] * 4;
    }

    private static bool HasAncestor(DomIndex index, int i, string tag)
    {
        for (var a = index.Parent[i]; a >= 0; a = index.Parent[a])
        {
            if (index.Tag[a] == tag)
            {
                return true;
            }
        }

        return false;
    }
}
