using System.Text;
using System.Text.RegularExpressions;

namespace NewsDesk.Extraction.Decoding;

/// <summary>Picks a page's encoding the way browsers do: byte-order mark, then the HTTP charset, then &lt;meta&gt;.</summary>
internal static partial class CharsetDetector
{
    // How far into the document a <meta charset> is looked for. The HTML spec's pre-scan stops at 1024 bytes, but
    // real pages often put a kilobyte of comments or inline styles first, so look a little further.
    private const int MetaScanBytes = 4096;

    static CharsetDetector()
    {
        // windows-1256, shift_jis, gb2312, koi8-r... are not in .NET's default set.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Returns the encoding and how many leading bytes (a BOM) to skip.</summary>
    public static (Encoding Encoding, int Skip) Detect(ReadOnlySpan<byte> bytes, string? contentType)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (new UTF8Encoding(false), 3);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode, 2);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode, 2);
        }

        var fromHeader = FromLabel(CharsetFromContentType(contentType));
        if (fromHeader is not null)
        {
            return (fromHeader, 0);
        }

        var fromMeta = FromLabel(CharsetFromMeta(bytes[..Math.Min(bytes.Length, MetaScanBytes)]));
        if (fromMeta is not null)
        {
            return (fromMeta, 0);
        }

        // No declaration: UTF-8 if the bytes are valid UTF-8, else the web's legacy default.
        return System.Text.Unicode.Utf8.IsValid(bytes)
            ? (new UTF8Encoding(false), 0)
            : (Encoding.GetEncoding(1252), 0);
    }

    internal static string? CharsetFromContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return null;
        }

        var match = CharsetParameter().Match(contentType);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static string? CharsetFromMeta(ReadOnlySpan<byte> head)
    {
        // Latin-1 maps each byte to one char, so ASCII markup is readable whatever the real encoding is.
        var text = Encoding.Latin1.GetString(head);
        var match = MetaCharset().Match(text);
        if (match.Success)
        {
            return match.Groups[1].Value;
        }

        match = MetaHttpEquiv().Match(text);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static Encoding? FromLabel(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        label = label.Trim().Trim('"', '\'').ToLowerInvariant();

        // WHATWG Encoding: these labels mean windows-1252 and UTF-8 in browsers; a meta claiming UTF-16 on an
        // ASCII-compatible page is read as UTF-8.
        label = label switch
        {
            "iso-8859-1" or "latin1" or "us-ascii" or "ascii" or "l1" => "windows-1252",
            "utf-16" or "utf-16le" or "utf-16be" or "unicode" => "utf-8",
            "x-sjis" or "sjis" or "ms_kanji" => "shift_jis",
            "gb2312" or "gbk" or "x-gbk" => "gb18030",
            "iso-8859-9" or "latin5" => "windows-1254",
            "tis-620" or "iso-8859-11" => "windows-874",
            _ => label,
        };

        try
        {
            var encoding = Encoding.GetEncoding(label);
            return encoding.CodePage == Encoding.UTF8.CodePage ? new UTF8Encoding(false) : encoding;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"charset\s*=\s*[""']?([\w.:-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CharsetParameter();

    [GeneratedRegex(@"<meta[^>]*?\bcharset\s*=\s*[""']?\s*([\w.:-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();

    [GeneratedRegex(@"<meta[^>]*?content\s*=\s*[""'][^""']*charset\s*=\s*([\w.:-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaHttpEquiv();
}
