namespace NewsDesk.Extraction.Content;

/// <summary>
/// Finds the main content: every paragraph-like block scores its ancestors (Readability's method), the best
/// container wins, and siblings that look like more of the same article join it.
/// </summary>
internal static class ContentScorer
{
    private const int MinParagraphLength = 25;

    /// <summary>The roots of the article content, in document order.</summary>
    public static List<int> FindContent(DomIndex index)
    {
        var scores = new Dictionary<int, double>();
        for (var i = 0; i < index.Count; i++)
        {
            if (index.Dead[i] || index.IsText(i) || !IsScorable(index.Tag[i]) || index.OwnTextLength[i] < MinParagraphLength)
            {
                continue;
            }

            var own = index.OwnTextLength[i];
            var score = 1.0 + OwnCommas(index, i) + Math.Min(own / 100, 3);
            var ancestor = index.Parent[i];
            // The body scores too: on a page that is a flat run of <p> or <pre> under it, the body is the article.
            for (var level = 0; ancestor >= 0 && level < 5; level++, ancestor = index.Parent[ancestor])
            {
                if (!scores.ContainsKey(ancestor))
                {
                    scores[ancestor] = InitialScore(index, ancestor);
                }

                var divider = level switch { 0 => 1, 1 => 2, _ => level * 3 };
                scores[ancestor] += score / divider;
            }

            // A paragraph element scores itself too, so it can be chosen when the page is a flat list of <p>.
            if (!scores.ContainsKey(i))
            {
                scores[i] = InitialScore(index, i);
            }
        }

        if (scores.Count == 0)
        {
            // Nothing long enough to score (a stub or a one-line note): whatever survived pruning is the content.
            return [0];
        }

        var ranked = scores
            .Select(kv => (Index: kv.Key, Score: kv.Value * (1 - index.LinkDensity(kv.Key)) * GalleryFactor(index, kv.Key) * ArticleBodyFactor(index, kv.Key)))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Index)
            .ToList();
        var final = ranked.ToDictionary(x => x.Index, x => x.Score);
        var top = ranked[0].Index;
        var topScore = ranked[0].Score;

        top = PromoteToCommonAncestor(index, ranked, top, topScore);
        final.TryAdd(top, topScore);
        top = ClimbWhileParentScoresHigher(index, final, top);
        top = ClimbOnlyChildWrappers(index, final, top);

        var roots = GatherSiblings(index, final, top);
        return AddSplitParts(index, roots);
    }

    /// <summary>
    /// A body split into separately nested parts (a figure or an ad block closes one wrapper and a new one opens at
    /// another depth) has the same markup in every part: blocks outside the chosen content whose class is the class
    /// of a paragraph container inside it, and that read as prose (paragraphs, few links), are the rest of the body.
    /// </summary>
    private static List<int> AddSplitParts(DomIndex index, List<int> roots)
    {
        var classes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            for (var i = root; i < index.End[root]; i++)
            {
                if (!index.Dead[i] && !index.IsText(i) && index.Tag[i] is "div" or "section" or "article"
                    && DirectParagraphs(index, i) >= 2 && index.Element(i).GetAttribute("class") is { Length: > 0 } cls)
                {
                    classes.Add(cls);
                }
            }
        }

        if (classes.Count == 0)
        {
            return roots;
        }

        var result = new List<int>(roots);
        for (var i = 1; i < index.Count; i++)
        {
            if (index.Dead[i] || index.IsText(i))
            {
                continue;
            }

            if (roots.Any(r => i >= r && i < index.End[r]))
            {
                i = index.End[i] - 1;
                continue;
            }

            if (roots.Any(r => r > i && r < index.End[i]) || index.Element(i).GetAttribute("class") is not { } cls || !classes.Contains(cls))
            {
                continue;
            }

            if (index.Paragraphs[i] >= 1 && index.TextLength[i] - index.LinkLength[i] >= 100 && index.LinkDensity(i) < 0.25)
            {
                result.Add(i);
            }

            i = index.End[i] - 1;
        }

        result.Sort();
        return result;
    }

    private static int DirectParagraphs(DomIndex index, int i)
    {
        var count = 0;
        for (var c = i + 1; c < index.End[i]; c = index.End[c])
        {
            if (!index.Dead[c] && index.Tag[c] == "p")
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// A slideshow of captioned pictures scores like prose (each caption is a paragraph) and would beat a shorter
    /// article next to it: a block of many pictures, each with one caption-sized block of text, counts less.
    /// </summary>
    private static double GalleryFactor(DomIndex index, int i)
    {
        var images = index.Images[i];
        var captions = Math.Max(index.Paragraphs[i], index.ListItems[i]);
        return images >= 10 && captions >= images * 0.8 && captions <= images * 1.5 && index.TextLength[i] < images * 300 ? 0.2 : 1;
    }

    /// <summary>
    /// schema.org microdata: the element the page itself marks as the article's body (itemprop="articleBody" or
    /// "text" of an article) counts double, so a longer gallery or listing next to it does not win.
    /// </summary>
    private static double ArticleBodyFactor(DomIndex index, int i)
    {
        var itemprop = index.Element(i).GetAttribute("itemprop");
        return itemprop is not null && itemprop.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("articleBody", StringComparer.OrdinalIgnoreCase)
            && index.TextLength[i] - index.LinkLength[i] >= 250 ? 2 : 1;
    }

    private static bool IsScorable(string tag) => tag is "p" or "pre" or "td" or "div" or "section" or "article" or "main"
        or "blockquote" or "li" or "dd" or "center" or "font" or "span" or "h2" or "h3" or "h4" or "h5" or "h6";

    private static double InitialScore(DomIndex index, int i)
    {
        var tagScore = index.Tag[i] switch
        {
            "div" or "article" or "main" or "section" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        return tagScore + BoilerplateFilter.ClassWeight(index, i);
    }

    /// <summary>Commas in the block's own text, not in nested blocks (those score for themselves).</summary>
    private static int OwnCommas(DomIndex index, int i)
    {
        var commas = 0;
        for (var c = i + 1; c < index.End[i]; c = index.End[c])
        {
            if (!index.Dead[c] && (index.IsText(c) || DomIndex.IsInline(index.Tag[c])))
            {
                commas += index.Commas[c];
            }
        }

        return commas;
    }

    /// <summary>When several strong candidates share an ancestor, the article is that ancestor (split bodies).</summary>
    private static int PromoteToCommonAncestor(DomIndex index, List<(int Index, double Score)> ranked, int top, double topScore)
    {
        var alternatives = ranked.Skip(1).Take(4).Where(x => x.Score >= topScore * 0.75).Select(x => x.Index).ToList();
        if (alternatives.Count < 3)
        {
            return top;
        }

        for (var ancestor = index.Parent[top]; ancestor > 0; ancestor = index.Parent[ancestor])
        {
            var contained = alternatives.Count(a => a > ancestor && a < index.End[ancestor]);
            if (contained >= 3)
            {
                return ancestor;
            }
        }

        return top;
    }

    private static int ClimbWhileParentScoresHigher(DomIndex index, Dictionary<int, double> scores, int top)
    {
        var lastScore = scores[top];
        var threshold = lastScore / 3;
        for (var parent = index.Parent[top]; parent > 0 && index.Tag[parent] != "body"; parent = index.Parent[parent])
        {
            if (!scores.TryGetValue(parent, out var parentScore))
            {
                // A wrapper with nothing else in it is the same content.
                if (index.TextLength[parent] == index.TextLength[top])
                {
                    scores[parent] = scores[top];
                    top = parent;
                    continue;
                }

                break;
            }

            if (parentScore < threshold)
            {
                break;
            }

            if (parentScore > lastScore)
            {
                top = parent;
                break;
            }

            lastScore = parentScore;
        }

        return top;
    }

    /// <summary>
    /// Readability's step: a candidate that is its parent's only element is the same content as the parent, so the
    /// parent's siblings (the next section of a body split into sections) get their chance to join.
    /// </summary>
    private static int ClimbOnlyChildWrappers(DomIndex index, Dictionary<int, double> scores, int top)
    {
        var score = scores[top];
        for (var parent = index.Parent[top]; parent > 0 && index.Tag[parent] != "body" && LiveElementChildren(index, parent) == 1;
            parent = index.Parent[parent])
        {
            top = parent;
        }

        scores[top] = Math.Max(score, scores.GetValueOrDefault(top));
        return top;
    }

    private static int LiveElementChildren(DomIndex index, int i)
    {
        var count = 0;
        for (var c = i + 1; c < index.End[i]; c = index.End[c])
        {
            if (!index.Dead[c] && !index.IsText(c))
            {
                count++;
            }
        }

        return count;
    }

    private static List<int> GatherSiblings(DomIndex index, Dictionary<int, double> scores, int top)
    {
        var parent = index.Parent[top];
        if (parent < 0)
        {
            return [top];
        }

        var topScore = scores[top];
        var threshold = Math.Max(10, topScore * 0.2);
        var topClass = index.Element(top).GetAttribute("class");
        var result = new List<int>();
        for (var c = parent + 1; c < index.End[parent]; c = index.End[c])
        {
            if (index.Dead[c] || index.IsText(c))
            {
                continue;
            }

            if (c == top)
            {
                result.Add(c);
                continue;
            }

            var bonus = topClass is not null && topClass.Length > 0 && topClass == index.Element(c).GetAttribute("class") ? topScore * 0.2 : 0;
            if (scores.TryGetValue(c, out var score) && score + bonus >= threshold)
            {
                result.Add(c);
                continue;
            }

            // A table scores row by row (each row is its own ancestor), so a table of long cells next to the content
            // scores far below the same text in paragraphs: a table with header cells and a quarter of the chosen
            // block's prose is more of the article (a list page whose entries are table rows).
            if (index.Tag[c] == "table" && HasHeaderCells(index, c)
                && (index.TextLength[c] - index.LinkLength[c]) * 4 >= index.TextLength[top] - index.LinkLength[top])
            {
                result.Add(c);
                continue;
            }

            if (index.Tag[c] == "p")
            {
                var length = index.TextLength[c];
                var density = index.LinkDensity(c);
                if ((length > 80 && density < 0.25) || (length > 0 && density == 0 && EndsLikeSentence(index, c)))
                {
                    result.Add(c);
                }
            }
        }

        return result;
    }

    private static bool HasHeaderCells(DomIndex index, int table)
    {
        for (var d = table + 1; d < index.End[table]; d++)
        {
            if (index.Tag[d] is "th" or "caption" or "thead")
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsLikeSentence(DomIndex index, int i)
    {
        var text = index.Nodes[i].TextContent.TrimEnd();
        return text.EndsWith('.') || text.Contains(". ", StringComparison.Ordinal);
    }
}
