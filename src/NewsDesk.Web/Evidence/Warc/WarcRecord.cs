using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace NewsDesk.Web.Evidence.Warc;

/// <summary>
/// One WARC/1.1 record (ISO 28500:2017 §4): the version line, named fields, a blank line, the content block and two
/// CRLFs. <see cref="ToGzipMember"/> compresses it alone, so each record is its own gzip member and a reader can
/// start at any record's offset (the "record-at-a-time compression" of the WARC spec's Annex D).
/// </summary>
public sealed class WarcRecord
{
    private readonly List<KeyValuePair<string, string>> _fields = [];

    // The content block in parts (an HTTP response's head and its body): a page's body is the largest thing the
    // scraper holds, and joining the parts, then the head, body and tail, cost two more copies of it per capture.
    private readonly IReadOnlyList<ReadOnlyMemory<byte>> _block;

    public WarcRecord(string type, DateTimeOffset date, ReadOnlyMemory<byte> block, string? contentType)
        : this(type, date, [block], contentType)
    {
    }

    /// <summary>A record whose content block is the parts one after another, never copied into one array.</summary>
    public WarcRecord(string type, DateTimeOffset date, IReadOnlyList<ReadOnlyMemory<byte>> blockParts, string? contentType)
    {
        ArgumentNullException.ThrowIfNull(blockParts);
        Type = type;
        Id = NewId();
        _block = blockParts;
        Add("WARC-Type", type);
        Add("WARC-Record-ID", Id);
        Add("WARC-Date", Date(date));
        if (contentType is not null)
        {
            Add("Content-Type", contentType);
        }
    }

    public string Type { get; }

    /// <summary>The WARC-Record-ID, angle brackets included (<c>&lt;urn:uuid:…&gt;</c>).</summary>
    public string Id { get; }

    /// <summary>The content block's length in bytes.</summary>
    public long BlockLength => _block.Sum(part => (long)part.Length);

    public WarcRecord Add(string name, string value)
    {
        // A field value never spans lines: a CR or LF would end the header block early.
        _fields.Add(KeyValuePair.Create(name, value.Replace('\r', ' ').Replace('\n', ' ')));
        return this;
    }

    /// <summary>The record compressed alone, as one gzip member; WARC-Block-Digest and Content-Length are added here.</summary>
    public byte[] ToGzipMember()
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            WriteTo(gzip);
        }

        return output.ToArray();
    }

    /// <summary>Writes the record's bytes, uncompressed: the header block, the content block part by part, two CRLFs.</summary>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in _block)
        {
            digest.AppendData(part.Span);
        }

        var head = new StringBuilder("WARC/1.1\r\n");
        foreach (var (name, value) in _fields)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("WARC-Block-Digest: sha256:").Append(Convert.ToHexStringLower(digest.GetHashAndReset())).Append("\r\n");
        head.Append("Content-Length: ").Append(BlockLength.ToString(CultureInfo.InvariantCulture)).Append("\r\n\r\n");
        stream.Write(Encoding.UTF8.GetBytes(head.ToString()));
        foreach (var part in _block)
        {
            stream.Write(part.Span);
        }

        stream.Write("\r\n\r\n"u8);
    }

    /// <summary>A digest as WARC fields carry it: <c>sha256:</c> and lower-case hex.</summary>
    public static string Sha256Label(ReadOnlySpan<byte> data) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>WARC-Date: UTC, W3C-DTF with microseconds (WARC 1.1 allows fractions of a second).</summary>
    public static string Date(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static string NewId() => $"<urn:uuid:{Guid.NewGuid()}>";
}
