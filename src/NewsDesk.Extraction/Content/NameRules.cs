using System.Collections.Concurrent;

namespace NewsDesk.Extraction.Content;

/// <summary>
/// What an element's class and id say about it, judged on whole words: names are split on punctuation, camelCase
/// and digits ("field--label-hidden" is field, label, hidden; "articleBody" is article, body), and a rule matches
/// only a run of whole words, so "scrolling-tracker" is not "scroll" and "sharing-with-friends" is not "share".
/// </summary>
internal static class NameRules
{
    // Sites reuse a few hundred class strings on every page: remember the verdicts (bounded, shared by threads).
    private const int CacheLimit = 50_000;
    private static readonly ConcurrentDictionary<string, Verdict> _cache = new(StringComparer.Ordinal);

    // Readability's unlikely-candidate list, widened with names common on news sites (share bars, newsletters,
    // consent banners, bylines and captions, which are metadata, not body).
    private static readonly Phrases _unlikely = new(
        "ad", "ads", "ad break", "agegate", "age gate", "ai 2 html", "banner", "breadcrumb", "breadcrumbs", "combx",
        "comment", "comments", "community", "cover wrap", "disqus", "extra", "footer", "gdpr", "header", "legends",
        "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor",
        "sponsored", "supertext", "pagination", "pager", "popup", "yom remote", "share", "sharing", "sharebar",
        "newsletter", "subscribe", "signup", "sign up", "promo", "recommend", "recommended", "recommendations",
        "outbrain", "taboola", "cookie", "cookies", "consent", "paywall", "toolbar", "tags", "trending", "most popular",
        "mostpopular", "read more", "readmore", "more stories", "byline", "author", "timestamp", "dateline", "caption",
        "credit", "credits");

    // Readability's "ok, maybe it is a candidate" list: a name with one of these is not removed as unlikely.
    private static readonly Phrases _maybeContent = new(
        "and", "article", "body", "column", "content", "main", "mathjax", "shadow", "story", "text", "entry", "post",
        "embed", "tweet");

    // Unambiguous chrome: removed even when the name also says "article" or "content" ("article-share-bar").
    private static readonly Phrases _chrome = new(
        "sharebar", "share bar", "social share", "social links", "social icons", "newsletter", "cookie", "cookies",
        "consent", "outbrain", "taboola", "related articles", "related stories", "related content", "related links",
        "related posts", "related news", "comment", "comments", "sponsored", "advert", "advertisement", "advertising",
        "ad slot", "ad unit", "ad container", "ad wrapper", "ad box", "ad banner", "dfp", "gpt ad", "caption",
        "credit", "credits", "most popular", "mostpopular", "most read", "most viewed");

    // Readability's class weights.
    private static readonly Phrases _positive = new(
        "article", "body", "content", "entry", "hentry", "h entry", "main", "page", "pagination", "post", "text",
        "blog", "story");

    private static readonly Phrases _negative = new(
        "ad", "ads", "hidden", "hid", "banner", "combx", "comment", "comments", "com", "contact", "footer", "gdpr",
        "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "sharing", "shoutbox",
        "sidebar", "skyscraper", "sponsor", "sponsored", "shopping", "tags", "widget");

    /// <summary>The verdict on a class-and-id string (empty for an element without either).</summary>
    public static Verdict Judge(string names)
    {
        if (names.Length == 0)
        {
            return default;
        }

        if (_cache.TryGetValue(names, out var cached))
        {
            return cached;
        }

        if (_cache.Count > CacheLimit)
        {
            _cache.Clear();
        }

        var words = Tokenize(names);
        // The name's parts unsplit too: "MathJax" is the phrase "mathjax" as well as the words "math" and "jax".
        var plain = names.ToLowerInvariant().Split(_separators, StringSplitOptions.RemoveEmptyEntries);
        var weight = (_negative.AnyIn(words) || _negative.AnyIn(plain) ? -25 : 0) + (_positive.AnyIn(words) || _positive.AnyIn(plain) ? 25 : 0);
        var chrome = ((_unlikely.AnyIn(words) || _unlikely.AnyIn(plain)) && !(_maybeContent.AnyIn(words) || _maybeContent.AnyIn(plain)))
            || _chrome.AnyIn(words) || _chrome.AnyIn(plain);
        return _cache[names] = new Verdict(chrome, weight);
    }

    private static readonly char[] _separators = [' ', '-', '_', '\t', '\n', '\r', '.', ':', '/', '[', ']', '(', ')', '{', '}'];

    /// <summary>The class and id of an element as one string, the key of the verdict cache.</summary>
    public static string Of(AngleSharp.Dom.IElement element)
    {
        var cls = element.GetAttribute("class");
        var id = element.Id;
        if (id is not null && IsHeadingSlug(id, element))
        {
            id = null;
        }

        return (cls, id) switch
        {
            (null, null) => "",
            (_, null) => cls!,
            (null, _) => id!,
            _ => string.Concat(cls, " ", id),
        };
    }

    /// <summary>
    /// An id made from the section's own heading ("sharing-with-a-single-developer" on the section headed "Sharing
    /// with a single developer", as documentation generators and CMSs write them) says what the text is about, not
    /// what the block is: it is not a name.
    /// </summary>
    private static bool IsHeadingSlug(string id, AngleSharp.Dom.IElement element)
    {
        var words = id.ToLowerInvariant().Split(_separators, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
        {
            return false;
        }

        var child = element.FirstElementChild;
        for (var k = 0; child is not null && k < 3; k++, child = child.NextElementSibling)
        {
            if (child.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6")
            {
                var heading = child.TextContent.ToLowerInvariant();
                return words.All(w => heading.Contains(w, StringComparison.Ordinal));
            }
        }

        return false;
    }

    /// <summary>Lower-case words of a name: split on anything not a letter or digit, on camelCase and on digits.</summary>
    internal static string[] Tokenize(string names)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= names.Length; i++)
        {
            var c = i < names.Length ? names[i] : ' ';
            var boundary = !char.IsLetterOrDigit(c);
            if (!boundary && start >= 0)
            {
                var previous = names[i - 1];
                boundary = (char.IsDigit(c) != char.IsDigit(previous))
                    || (char.IsUpper(c) && char.IsLower(previous))
                    // "HTMLContent": the last capital of a run starts the next word.
                    || (char.IsUpper(c) && char.IsUpper(previous) && i + 1 < names.Length && char.IsLower(names[i + 1]));
                if (boundary)
                {
                    words.Add(names[start..i].ToLowerInvariant());
                    start = i;
                    continue;
                }
            }

            if (boundary)
            {
                if (start >= 0)
                {
                    words.Add(names[start..i].ToLowerInvariant());
                    start = -1;
                }
            }
            else if (start < 0)
            {
                start = i;
            }
        }

        return [.. words];
    }

    /// <summary>Whether the element's names mark it as chrome, and Readability's class weight (-25, 0 or +25).</summary>
    internal readonly record struct Verdict(bool IsChrome, int Weight);

    /// <summary>A set of word sequences, each matched against a run of consecutive words.</summary>
    private sealed class Phrases
    {
        private readonly string[][] _phrases;

        public Phrases(params string[] phrases) =>
            _phrases = [.. phrases.Select(p => Tokenize(p))];

        public bool AnyIn(string[] words)
        {
            foreach (var phrase in _phrases)
            {
                for (var start = 0; start + phrase.Length <= words.Length; start++)
                {
                    var match = true;
                    for (var k = 0; k < phrase.Length && match; k++)
                    {
                        match = words[start + k] == phrase[k];
                    }

                    if (match)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
