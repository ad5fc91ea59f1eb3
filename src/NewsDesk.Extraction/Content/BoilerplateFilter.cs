using System.Text.RegularExpressions;

using AngleSharp.Dom;

namespace NewsDesk.Extraction.Content;

/// <summary>
/// Marks what is never article text: non-content tags, hidden elements, and blocks whose tag, role, class or id
/// name them as navigation, ads, sharing, comments, cookie notices or related links. Only markup that can never
/// hold prose (scripts, forms controls, media) goes by tag alone; every other rule spares a block whose text and
/// link density say it is the article.
/// </summary>
internal static partial class BoilerplateFilter
{
    // Never article text, whatever their size.
    private static readonly HashSet<string> _dropTags = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas", "video", "audio",
        "button", "input", "select", "textarea", "label", "dialog", "link", "meta", "title", "head", "map", "area",
        "source", "picture", "rt", "rp", "annotation", "annotation-xml",
    };

    // Usually chrome, but some sites put the article itself in one (an <aside> feature, a <header> or <form>
    // wrapping the page): dropped unless the block holds the page's prose.
    private static readonly HashSet<string> _chromeTags = new(StringComparer.Ordinal)
    {
        "nav", "aside", "footer", "header", "menu", "form",
    };

    private static readonly HashSet<string> _dropRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog", "banner", "contentinfo", "search",
    };

    /// <summary>
    /// Marks boilerplate in <paramref name="index"/> and recomputes its statistics. Without <paramref name="useNames"/>
    /// class and id names are ignored here and by the scorer and cleaner: the fallback for pages whose names mislead.
    /// </summary>
    public static void Apply(DomIndex index, bool useNames)
    {
        index.UseNames = useNames;
        for (var i = 0; i < index.Count; i++)
        {
            if (!index.IsText(i) && _dropTags.Contains(index.Tag[i]))
            {
                index.Removed[i] = true;
                i = index.End[i] - 1;
            }
        }

        index.ComputeStatistics();
        var pageProse = Math.Max(1, index.TextLength[0] - index.LinkLength[0]);

        for (var i = 1; i < index.Count; i++)
        {
            if (index.Dead[i] || index.IsText(i))
            {
                continue;
            }

            var verdict = Judge(index, i, useNames);
            // Hidden is hidden, however much text it holds: what a reader never sees is not the article.
            if (verdict == Kind.Keep || (verdict == Kind.Chrome && (IsTheArticle(index, i, pageProse) || WrapsThePage(index, i, pageProse))))
            {
                continue;
            }

            index.Removed[i] = true;
            i = index.End[i] - 1;
        }

        index.ComputeStatistics();
    }

    /// <summary>Readability's class weight: positive for names that mean article content, negative for chrome; 0 without names.</summary>
    public static int ClassWeight(DomIndex index, int i) =>
        index.UseNames ? NameRules.Judge(NameRules.Of(index.Element(i))).Weight : 0;

    /// <summary>
    /// A block holding a large share of the page's prose, in paragraphs, with few links, is the article whatever
    /// its tag or name says ("field--label-hidden", an &lt;aside&gt; feature, a heading-derived id like "sharing-…").
    /// </summary>
    public static bool IsTheArticle(DomIndex index, int i, int pageProse)
    {
        var prose = index.TextLength[i] - index.LinkLength[i];
        // Link density up to a half: a <form> or <header> that wraps the whole page holds its menus too.
        return prose >= 250 && index.LinkDensity(i) < 0.5 && prose * 3 > pageProse
            && (index.Paragraphs[i] >= 2 || index.Commas[i] >= 5);
    }

    /// <summary>
    /// A &lt;form&gt; or &lt;header&gt; around most of the page (ASP.NET wraps every page in one form) is a wrapper, not
    /// chrome: its menus may push its link density past the article test, but most of the page's prose and
    /// paragraphs are in it. Its parts are judged one by one instead.
    /// </summary>
    private static bool WrapsThePage(DomIndex index, int i, int pageProse) =>
        (index.TextLength[i] - index.LinkLength[i]) * 2 > pageProse && index.Paragraphs[i] * 2 > index.Paragraphs[0];

    private static Kind Judge(DomIndex index, int i, bool useNames)
    {
        var element = index.Element(i);
        if (element.HasAttribute("hidden") || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return Kind.Hidden;
        }

        var style = element.GetAttribute("style");
        if (style is not null && HiddenStyle().IsMatch(style))
        {
            return Kind.Hidden;
        }

        if (_chromeTags.Contains(index.Tag[i]))
        {
            return Kind.Chrome;
        }

        var role = element.GetAttribute("role");
        if (role is not null && _dropRoles.Contains(role.Trim()))
        {
            return Kind.Chrome;
        }

        if (!useNames || index.Tag[i] is "body" or "a" or "article" or "main")
        {
            return Kind.Keep;
        }

        return NameRules.Judge(NameRules.Of(element)).IsChrome ? Kind.Chrome : Kind.Keep;
    }

    private enum Kind
    {
        Keep,
        Hidden,
        Chrome,
    }

    // Hidden from readers: display:none, visibility:hidden, and text shrunk to nothing (font-size:0, a trick to
    // hide keywords or spacer text that would otherwise be glued to the next sentence).
    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden|(?<![-\w])font-size\s*:\s*0+(\.0+)?(px|pt|em|rem|%)?\s*(;|!|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HiddenStyle();
}
