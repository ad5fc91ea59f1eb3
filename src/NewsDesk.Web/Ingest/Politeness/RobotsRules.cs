namespace NewsDesk.Web.Ingest.Politeness;

/// <summary>
/// The rules of one host's robots.txt for one product token (RFC 9309): the group naming the token, else the
/// "*" group; the longest matching path wins, Allow on a tie; "*" and "$" wildcards.
/// </summary>
public sealed class RobotsRules
{
    private const int MaxSitemaps = 50;

    private readonly List<(string Pattern, bool Allow)> _rules;

    private RobotsRules(List<(string, bool)> rules, string? unreachable, IReadOnlyList<string>? sitemaps = null)
    {
        _rules = rules;
        Unreachable = unreachable;
        Sitemaps = sitemaps ?? [];
    }

    public static RobotsRules AllowAll { get; } = new([], null);

    /// <summary>robots.txt could not be read (server error, network, refused address): RFC 9309 says assume "disallow all".</summary>
    public static RobotsRules DisallowAll(string reason) => new([], reason);

    /// <summary>The addresses of the "Sitemap:" lines, as written (they belong to no group).</summary>
    public IReadOnlyList<string> Sitemaps { get; }

    /// <summary>Why robots.txt was unreachable, when it was.</summary>
    public string? Unreachable { get; }

    public bool IsAllowed(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (Unreachable is not null)
        {
            return false;
        }

        var path = url.PathAndQuery;
        if (path == "/robots.txt")
        {
            return true;
        }

        var best = -1;
        var allowed = true;
        foreach (var (pattern, allow) in _rules)
        {
            if (pattern.Length >= best && Matches(pattern, path) && (pattern.Length > best || allow))
            {
                best = pattern.Length;
                allowed = allow;
            }
        }

        return allowed;
    }

    public static RobotsRules Parse(string text, string productToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var mine = new List<(string, bool)>();
        var everyone = new List<(string, bool)>();
        var foundMine = false;
        var agents = new List<string>();
        var inRules = false;
        var sitemaps = new List<string>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Split('#', 2)[0].Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key == "sitemap")
            {
                // "#" may be part of a URL here, so the line is taken before the comment split.
                var url = rawLine.Trim()[(rawLine.Trim().IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                if (url.Length > 0 && !sitemaps.Contains(url, StringComparer.Ordinal) && sitemaps.Count < MaxSitemaps)
                {
                    sitemaps.Add(url);
                }

                continue;
            }
            if (key == "user-agent")
            {
                if (inRules)
                {
                    agents.Clear();
                    inRules = false;
                }

                agents.Add(value);
                continue;
            }

            if (key is not ("allow" or "disallow"))
            {
                continue;
            }

            inRules = true;
            if (value.Length == 0)
            {
                // "Disallow:" with no path allows everything; an empty Allow means nothing.
                continue;
            }

            var rule = (value, key == "allow");
            if (agents.Any(a => a.Equals(productToken, StringComparison.OrdinalIgnoreCase)))
            {
                foundMine = true;
                mine.Add(rule);
            }

            if (agents.Contains("*"))
            {
                everyone.Add(rule);
            }
        }

        // A group for NewsDesk that allows everything still counts as NewsDesk's group.
        foundMine |= ContainsAgent(text, productToken);
        return new RobotsRules(foundMine ? mine : everyone, null, sitemaps);
    }

    private static bool ContainsAgent(string text, string productToken) =>
        text.Split('\n').Any(l => l.Split('#', 2)[0].Trim() is var t
            && t.StartsWith("user-agent", StringComparison.OrdinalIgnoreCase)
            && t[(t.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Equals(productToken, StringComparison.OrdinalIgnoreCase));

    private static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var body = anchored ? pattern[..^1] : pattern;
        return Match(body.AsSpan(), path.AsSpan(), anchored);
    }

    // Iterative wildcard match (no recursion): '*' matches any run of characters.
    private static bool Match(ReadOnlySpan<char> pattern, ReadOnlySpan<char> path, bool anchored)
    {
        int p = 0, s = 0, star = -1, mark = 0;
        while (s < path.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = s;
            }
            else if (p < pattern.Length && pattern[p] == path[s])
            {
                p++;
                s++;
            }
            else if (p == pattern.Length && !anchored)
            {
                return true;
            }
            else if (star >= 0)
            {
                p = star + 1;
                s = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
