using System.Text;
using System.Text.RegularExpressions;

namespace NewsDesk.Extraction.Decoding;

/// <summary>
/// Picks a page's encoding the way browsers do: byte-order mark, then the HTTP charset, then &lt;meta&gt;; except that
/// bytes which are valid UTF-8 with multi-byte characters are UTF-8 whatever a &lt;meta&gt; claims (a template's
/// stale <c>charset=gb2312</c> on a page saved as UTF-8 is far more common than legacy bytes that happen to be valid UTF-8).
/// </summary>
internal static partial class CharsetDetector
{
    // How far into the document a <meta charset> is looked for. The HTML spec's pre-scan stops at 1024 bytes, but
    // real pages often put a kilobyte of comments or inline styles first, so look a little further.
    private const int MetaScanBytes = 4096;

    // When nothing in the first bytes declares a charset and the bytes are not UTF-8, a browser re-reads the page
    // once the parser reaches a later <meta charset>; this is how far into the <head> that later meta is looked for.
    private const int LateMetaScanBytes = 64 * 1024;

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

        var validUtf8 = System.Text.Unicode.Utf8.IsValid(bytes);
        if (validUtf8 && HasMultiByteCharacters(bytes))
        {
            return (new UTF8Encoding(false), 0);
        }

        var fromMeta = FromLabel(CharsetFromMeta(bytes[..Math.Min(bytes.Length, MetaScanBytes)]))
            ?? (validUtf8 ? null : FromLabel(CharsetFromMeta(HeadOf(bytes[..Math.Min(bytes.Length, LateMetaScanBytes)]))));
        if (fromMeta is not null)
        {
            return (fromMeta, 0);
        }

        // No declaration: UTF-8 if the bytes are valid UTF-8, else the web's legacy default.
        return validUtf8 ? (new UTF8Encoding(false), 0) : (Encoding.GetEncoding(1252), 0);
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

    private static bool HasMultiByteCharacters(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;

    /// <summary>The bytes before the &lt;body&gt; tag: a "charset=" further on is page content, not a declaration.</summary>
    private static ReadOnlySpan<byte> HeadOf(ReadOnlySpan<byte> bytes)
    {
        var body = IndexOfIgnoreCase(bytes, "<body"u8);
        return body < 0 ? bytes : bytes[..body];
    }

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> lowerAscii)
    {
        for (var start = bytes.IndexOf(lowerAscii[0]); start >= 0 && start + lowerAscii.Length <= bytes.Length;)
        {
            var match = true;
            for (var k = 1; k < lowerAscii.Length && match; k++)
            {
                match = (bytes[start + k] | 0x20) == lowerAscii[k];
            }

            if (match)
            {
                return start;
            }

            var next = bytes[(start + 1)..].IndexOf(lowerAscii[0]);
            start = next < 0 ? -1 : start + 1 + next;
        }

        return -1;
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
            // Browsers dropped UTF-7 (script could hide in it); a page labelled so is read as UTF-8, not skipped.
            "utf-7" or "utf7" or "unicode-1-1-utf-7" or "unicode-2-0-utf-7" or "x-unicode-2-0-utf-7" or "csunicode11utf7" => "utf-8",
            "euc-kr" or "ks_c_5601-1987" or "ks_c_5601-1989" or "ksc5601" or "ksc_5601" or "korean" or "iso-ir-149" or "windows-949" or "cseuckr" => "ks_c_5601-1987",
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
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
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
