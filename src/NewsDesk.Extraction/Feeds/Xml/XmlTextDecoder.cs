using System.Text;
using System.Text.RegularExpressions;

namespace NewsDesk.Extraction.Feeds.Xml;

/// <summary>The text of an XML document and the encoding it was read with, with the rule that chose it.</summary>
public sealed record DecodedXml(string Text, string Encoding, string ChosenBy);

/// <summary>
/// Turns feed or sitemap bytes into text. The order is byte-order mark, then the HTTP charset, then the XML
/// declaration (or the UTF-16/32 pattern of "&lt;?" without a BOM), then sniffing: valid UTF-8, else windows-1252.
/// A declared encoding the bytes contradict (UTF-8 that is not valid UTF-8) falls through to sniffing, and
/// decoding never throws: a bad byte becomes U+FFFD and the rest of the feed is still read.
/// </summary>
public static partial class XmlTextDecoder
{
    private const int DeclarationScanBytes = 1024;

    static XmlTextDecoder()
    {
        // windows-1251/1256, koi8-r, gb2312, shift_jis, euc-kr ... are not in .NET's default set.
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static DecodedXml Decode(ReadOnlySpan<byte> bytes, string? contentType)
    {
        if (FromByteOrderMark(bytes) is { } bom)
        {
            return Read(bytes[bom.Skip..], bom.Encoding, "byte-order mark");
        }

        if (FromLabel(CharsetOf(contentType), bytes) is { } fromHeader && Fits(fromHeader, bytes))
        {
            return Read(bytes, fromHeader, "HTTP charset");
        }

        if (FromZeroPattern(bytes) is { } wide)
        {
            return Read(bytes, wide, "UTF-16/32 byte pattern");
        }

        if (FromLabel(DeclaredEncoding(bytes), bytes) is { } declared && Fits(declared, bytes))
        {
            return Read(bytes, declared, "XML declaration");
        }

        return System.Text.Unicode.Utf8.IsValid(bytes)
            ? Read(bytes, new UTF8Encoding(false), "sniffed (valid UTF-8)")
            : Read(bytes, System.Text.Encoding.GetEncoding(1252), "sniffed (not UTF-8)");
    }

    /// <summary>The charset parameter of a Content-Type header, if any.</summary>
    public static string? CharsetOf(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return null;
        }

        var match = CharsetParameter().Match(contentType);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static DecodedXml Read(ReadOnlySpan<byte> bytes, Encoding encoding, string chosenBy)
    {
        // A replacement fallback: one bad byte must not cost the whole feed.
        var tolerant = System.Text.Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
        var text = tolerant.GetString(bytes);
        return new DecodedXml(text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text, encoding.WebName, chosenBy);
    }

    // UTF-8 that is not valid UTF-8 is a wrong label (common); any other label is trusted.
    private static bool Fits(Encoding encoding, ReadOnlySpan<byte> bytes) =>
        encoding.CodePage != 65001 || System.Text.Unicode.Utf8.IsValid(bytes);

    private static (Encoding Encoding, int Skip)? FromByteOrderMark(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (new UTF8Encoding(false), 3);
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4);
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return (new UTF32Encoding(bigEndian: false, byteOrderMark: false), 4);
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (System.Text.Encoding.BigEndianUnicode, 2);
        }

        return b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? (System.Text.Encoding.Unicode, 2) : null;
    }

    // XML 1.0 appendix F: "<" or "<?" encoded in UTF-16/32 without a BOM.
    private static Encoding? FromZeroPattern(ReadOnlySpan<byte> b)
    {
        if (b.Length < 4)
        {
            return null;
        }

        return (b[0], b[1], b[2], b[3]) switch
        {
            (0x00, 0x00, 0x00, 0x3C) => new UTF32Encoding(bigEndian: true, byteOrderMark: false),
            (0x3C, 0x00, 0x00, 0x00) => new UTF32Encoding(bigEndian: false, byteOrderMark: false),
            (0x00, 0x3C, 0x00, _) => System.Text.Encoding.BigEndianUnicode,
            (0x3C, 0x00, _, 0x00) => System.Text.Encoding.Unicode,
            _ => null,
        };
    }

    private static string? DeclaredEncoding(ReadOnlySpan<byte> bytes)
    {
        // Latin-1 maps each byte to one char, so the ASCII declaration is readable whatever follows it.
        var head = System.Text.Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, DeclarationScanBytes)]);
        var match = DeclarationEncoding().Match(head);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static Encoding? FromLabel(string? label, ReadOnlySpan<byte> bytes)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        label = label.Trim().Trim('"', '\'').ToLowerInvariant();
        var asciiCompatible = bytes.Length < 2 || (bytes[0] != 0 && bytes[1] != 0);
        label = label switch
        {
            // WHATWG Encoding: these labels mean windows-1252 (its superset) in every reader.
            "iso-8859-1" or "latin1" or "us-ascii" or "ascii" or "l1" or "iso8859-1" => "windows-1252",
            // A UTF-16/32 label on bytes that are plainly ASCII-compatible is a wrong label.
            "utf-16" or "utf-16le" or "utf-16be" or "unicode" or "utf-32" or "utf-32le" or "utf-32be" when asciiCompatible => "utf-8",
            "utf-32" => "utf-32BE",
            "x-sjis" or "sjis" or "ms_kanji" => "shift_jis",
            "gb2312" or "gbk" or "x-gbk" or "cp936" => "gb18030",
            _ => label,
        };

        try
        {
            var encoding = System.Text.Encoding.GetEncoding(label);
            return encoding.CodePage == 65001 ? new UTF8Encoding(false) : encoding;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"charset\s*=\s*[""']?([\w.:-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CharsetParameter();

    [GeneratedRegex(@"<\?xml[^>]*?\bencoding\s*=\s*[""']\s*([\w.:-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeclarationEncoding();
}
