namespace NewsDesk.Web.Ingest.Http;

/// <summary>
/// Tells a text body from a binary one whatever its Content-Type says: a PNG served as text/html, or a page a
/// server compressed twice (one gzip layer is still there after decompression). Stored as an article, such bytes
/// became a megabyte of mojibake. Follows the WHATWG MIME-sniffing idea of "binary data bytes" in the first
/// 1,445 bytes, with known signatures named so the fetch log says what the body was.
/// </summary>
public static class BinaryBodySniffer
{
    private const int SniffLength = 1445;

    // A few stray control characters occur in real pages (a pasted \x01 in an inline script); a binary file has many.
    private const int MaxBinaryBytes = 8;

    private static readonly (byte[] Signature, string Name)[] _signatures =
    [
        ([0x1f, 0x8b], "gzip data (compressed twice?)"),
        ([0x28, 0xb5, 0x2f, 0xfd], "zstd data"),
        ([0x50, 0x4b, 0x03, 0x04], "a ZIP archive"),
        ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "a PNG image"),
        ([0xff, 0xd8, 0xff], "a JPEG image"),
        ("GIF8"u8.ToArray(), "a GIF image"),
        ("RIFF"u8.ToArray(), "a RIFF (WebP, WAV, AVI) file"),
        ("%PDF-"u8.ToArray(), "a PDF document"),
        ([0x00, 0x00, 0x01, 0x00], "an icon"),
        ("\0asm"u8.ToArray(), "WebAssembly"),
    ];

    /// <summary>What the body is when it is not text ("a PNG image"), or null for text.</summary>
    /// <param name="body">The decompressed response body.</param>
    /// <param name="gzipAllowed">
    /// A feed or sitemap listing: a gzipped sitemap (<c>.xml.gz</c>) is gzip by design, and the sitemap reader
    /// decompresses it within the same body limit; a page never is.
    /// </param>
    public static string? Describe(ReadOnlySpan<byte> body, bool gzipAllowed = false)
    {
        if (gzipAllowed && body.StartsWith([(byte)0x1f, (byte)0x8b]))
        {
            return null;
        }

        // UTF-16 and UTF-32 text is full of zero bytes; a byte-order mark says it is text all the same.
        if (body.StartsWith([(byte)0xfe, (byte)0xff]) || body.StartsWith([(byte)0xff, (byte)0xfe]) || body.StartsWith([(byte)0xef, (byte)0xbb, (byte)0xbf]))
        {
            return null;
        }

        foreach (var (signature, name) in _signatures)
        {
            if (body.StartsWith(signature))
            {
                return name;
            }
        }

        var head = body[..Math.Min(body.Length, SniffLength)];
        var binary = 0;
        foreach (var b in head)
        {
            // WHATWG's binary data bytes: controls other than TAB, LF, FF, CR and ESC (ISO-2022-JP uses ESC).
            if ((b is <= 0x08 or 0x0b or (>= 0x0e and <= 0x1a) or (>= 0x1c and <= 0x1f)) && ++binary > MaxBinaryBytes)
            {
                return "binary data";
            }
        }

        return null;
    }
}
