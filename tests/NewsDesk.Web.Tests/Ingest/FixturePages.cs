using System.Text;

namespace NewsDesk.Web.Tests.Ingest;

/// <summary>The fixture site's pages: article text is made from the slug, so every slug is a different story.</summary>
public static class FixturePages
{
    private static readonly string[] _words =
    [
        "militia", "drone", "base", "convoy", "ministry", "statement", "officials", "border", "province", "rocket",
        "attack", "forces", "village", "council", "spokesman", "ceasefire", "talks", "capital", "refugees", "aid",
        "election", "protest", "governor", "harbour", "pipeline", "market", "court", "verdict", "embassy", "minister",
        "airstrike", "commander", "brigade", "casualties", "hospital", "witnesses", "agency", "reported", "claimed", "denied",
        "negotiators", "sanctions", "tanker", "strait", "parliament", "coalition", "checkpoint", "curfew", "evacuation", "envoy",
    ];

    /// <summary>Four paragraphs of deterministic pseudo-news, different for every seed.</summary>
    public static string[] Story(string seed)
    {
        var state = (uint)seed.Aggregate(17, (h, c) => unchecked((h * 31) + c));
        var paragraphs = new string[4];
        for (var p = 0; p < paragraphs.Length; p++)
        {
            var text = new StringBuilder();
            for (var w = 0; w < 60; w++)
            {
                state = unchecked((state * 1664525) + 1013904223);
                text.Append(_words[(int)(state >> 8) % _words.Length]).Append(w % 9 == 8 ? ". " : " ");
            }

            paragraphs[p] = text.ToString().Trim() + ".";
        }

        return paragraphs;
    }

    public static string Article(string slug, string? canonical) =>
        $"""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Article {slug}</title>
        {(canonical is null ? "" : $"<link rel=\"canonical\" href=\"{canonical}\">")}</head>
        <body><article><h1>Article {slug}</h1>{string.Concat(Story(slug).Select(p => $"<p>{p}</p>"))}</article></body></html>
        """;

    /// <summary>An article of <paramref name="paragraphs"/> paragraphs (about 450 bytes each), for the large-page paths.</summary>
    public static string LongArticle(string slug, int paragraphs) =>
        $"""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Article {slug}</title></head>
        <body><article><h1>Article {slug}</h1>{string.Concat(Enumerable.Range(0, (paragraphs + 3) / 4).SelectMany(k => Story($"{slug}-{k}")).Take(paragraphs).Select(p => $"<p>{p}</p>"))}</article></body></html>
        """;

    /// <summary>A wire story as one outlet republishes it: the same body with the outlet's own sign-off.</summary>
    public static string WireCopy(string outlet, string slug) =>
        $"""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{slug} ({outlet})</title></head>
        <body><article>{string.Concat(Story(slug).Select(p => $"<p>{p}</p>"))}<p>Reporting by {outlet}.</p></article></body></html>
        """;

    public static string Home(string rssUrl, string atomPath) =>
        $"""
        <!DOCTYPE html><html><head><title>Fixture home</title>
        <link rel="alternate" type="application/rss+xml" title="Fixture RSS" href="{rssUrl}">
        <link rel="alternate" type="application/atom+xml" title="Fixture Atom" href="{atomPath}">
        <link rel="stylesheet" href="/site.css"></head><body><p>Welcome.</p></body></html>
        """;

    /// <summary>PNG bytes: the signature, an IHDR chunk and 32 KiB of compressed-looking (seeded random) image data.</summary>
    public static byte[] Png()
    {
        var data = new byte[32 * 1024];
        new Random(20).NextBytes(data);
        return [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R',
            0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0, 0x5c, 0x72, 0xa8, 0x66, 0, 0, 0x80, 0, (byte)'I', (byte)'D', (byte)'A', (byte)'T', .. data];
    }

    public const string ArabicSentence = "أعلنت وزارة الدفاع أن الهجوم استهدف قاعدة عسكرية قرب الحدود";

    public static byte[] Arabic()
    {
        var html = $"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="windows-1256"><title>خبر</title></head><body><p>{ArabicSentence}</p></body></html>""";
        return CodePagesEncodingProvider.Instance.GetEncoding(1256)!.GetBytes(html);
    }
}

/// <summary>XML that must never be expanded or resolved.</summary>
public static class Hostile
{
    public const string Xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <rss version="2.0"><channel><title>&xxe;</title><item><title>x</title><link>http://example.com/a</link></item></channel></rss>
        """;

    public const string BillionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
          <!ENTITY lol "lol">
          <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <rss version="2.0"><channel><title>&lol9;</title><item><title>x</title><link>http://example.com/a</link></item></channel></rss>
        """;
}
