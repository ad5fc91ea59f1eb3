using System.Collections.Concurrent;
using System.Text.RegularExpressions;

using AngleSharp.Dom;

namespace NewsDesk.Extraction.Content;

/// <summary>
/// Marks what is never article text: non-content tags, hidden elements, and blocks whose class, id or role names
/// them as navigation, ads, sharing, comments, cookie notices or related links.
/// </summary>
internal static partial class BoilerplateFilter
{
    private static readonly HashSet<string> _dropTags = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "video", "audio",
        "nav", "aside", "footer", "header", "button", "input", "select", "textarea", "label", "dialog", "menu", "link",
        "meta", "title", "head", "map", "area", "source", "picture", "form",
    };

    // Sites reuse a few hundred class strings on every page: remember the regex verdicts (bounded, shared by threads).
    private const int CacheLimit = 50_000;
    private static readonly ConcurrentDictionary<string, bool> _chrome = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, int> _weights = new(StringComparer.Ordinal);

    private static readonly HashSet<string> _dropRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog", "banner", "contentinfo", "search",
    };

    /// <summary>
    /// Marks boilerplate in <paramref name="index"/> and recomputes its statistics. Without <paramref name="useNames"/>
    /// only tags, roles and hidden markers count: the fallback for pages whose class names mislead.
    /// </summary>
    public static void Apply(DomIndex index, bool useNames)
    {
        var protectedLength = 0;
        for (var i = 0; i < index.Count; i++)
        {
            if (index.IsText(i) || !_dropTags.Contains(index.Tag[i]))
            {
                continue;
            }

            // A <form> (ASP.NET pages wrap everything in one) or <header> holding most of the page is layout, not chrome.
            if (index.Tag[i] is "form" or "header")
            {
                protectedLength = protectedLength == 0 ? Math.Max(1, index.TextLength[0]) : protectedLength;
                if (index.Paragraphs[i] >= 3 && index.TextLength[i] > protectedLength / 3)
                {
                    continue;
                }
            }

            index.Removed[i] = true;
            i = index.End[i] - 1;
        }

        index.ComputeStatistics();
        var pageLength = Math.Max(1, index.TextLength[0]);

        for (var i = 0; i < index.Count; i++)
        {
            if (index.Dead[i] || index.IsText(i))
            {
                continue;
            }

            var element = index.Element(i);
            if (i > 0 && IsBoilerplate(element, useNames) && !HoldsMostOfThePage(index, i, pageLength))
            {
                index.Removed[i] = true;
                i = index.End[i] - 1;
            }
        }

        index.ComputeStatistics();
    }

    /// <summary>Positive for names that mean article content, negative for chrome; Readability's class weight.</summary>
    public static int ClassWeight(IElement element)
    {
        var names = Names(element);
        if (names.Length == 0)
        {
            return 0;
        }

        if (_weights.TryGetValue(names, out var cached))
        {
            return cached;
        }

        if (_weights.Count > CacheLimit)
        {
            _weights.Clear();
        }

        return _weights[names] = ComputeWeight(names);
    }

    private static int ComputeWeight(string names)
    {
        var weight = 0;
        if (Negative().IsMatch(names))
        {
            weight -= 25;
        }

        if (Positive().IsMatch(names))
        {
            weight += 25;
        }

        return weight;
    }

    private static bool IsBoilerplate(IElement element, bool useNames)
    {
        if (element.HasAttribute("hidden") || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var style = element.GetAttribute("style");
        if (style is not null && HiddenStyle().IsMatch(style))
        {
            return true;
        }

        var role = element.GetAttribute("role");
        if (role is not null && _dropRoles.Contains(role.Trim()))
        {
            return true;
        }

        if (!useNames || element.LocalName is "body" or "a" or "article" or "main")
        {
            return false;
        }

        var names = Names(element);
        if (names.Length == 0)
        {
            return false;
        }

        if (_chrome.TryGetValue(names, out var cached))
        {
            return cached;
        }

        if (_chrome.Count > CacheLimit)
        {
            _chrome.Clear();
        }

        return _chrome[names] = (Unlikely().IsMatch(names) && !MaybeContent().IsMatch(names)) || Chrome().IsMatch(names);
    }

    /// <summary>A class name is not proof: a wrapper holding most of the page's prose is kept whatever it is called.</summary>
    private static bool HoldsMostOfThePage(DomIndex index, int i, int pageLength) =>
        index.Paragraphs[i] >= 3 && index.TextLength[i] - index.LinkLength[i] > pageLength / 2;

    private static string Names(IElement element)
    {
        var cls = element.GetAttribute("class");
        var id = element.Id;
        return (cls, id) switch
        {
            (null, null) => "",
            (_, null) => cls!,
            (null, _) => id!,
            _ => string.Concat(cls, " ", id),
        };
    }

    // Readability's lists, widened with names common on news sites (share bars, newsletters, consent banners).
    [GeneratedRegex(@"-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supertext|ad-break|agegate|pagination|pager\b|popup|yom-remote|share|sharing|newsletter|subscribe|signup|promo|recommend|outbrain|taboola|cookie|consent|paywall|toolbar|tags|trending|most-?popular|read-?more|more-?stories|byline|author|timestamp|dateline|caption|credit", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Unlikely();

    [GeneratedRegex(@"and|article|body|column|content|main|mathjax|shadow|story|text|entry|post|\bembed|tweet", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MaybeContent();

    // Unambiguous chrome: removed even when the name also says "article" or "content" ("article-share-bar").
    [GeneratedRegex(@"\b[\w-]*(share-?bar|social-?(share|links|icons|media(?!-?embed))|newsletter|cookie|consent|outbrain|taboola|related-?(articles|stories|content|links|posts|news)|comments?-?(section|list|area|wrapper|container)?|sponsored|advert\w*|ad-?(slot|unit|container|wrapper|box|banner)|dfp|gpt-ad|caption|credits?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Chrome();

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HiddenStyle();

    [GeneratedRegex(@"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Positive();

    [GeneratedRegex(@"-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Negative();
}
