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

    public WarcRecord(string type, DateTimeOffset date, ReadOnlyMemory<byte> block, string? contentType)
    {
        Type = type;
        Id = NewId();
        Block = block;
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
    public ReadOnlyMemory<byte> Block { get; }

    public WarcRecord Add(string name, string value)
    {
        // A field value never spans lines: a CR or LF would end the header block early.
        _fields.Add(KeyValuePair.Create(name, value.Replace('\r', ' ').Replace('\n', ' ')));
        return this;
    }

    /// <summary>The record's bytes, uncompressed; WARC-Block-Digest and Content-Length are added here.</summary>
    public byte[] ToBytes()
    {
        var head = new StringBuilder("WARC/1.1\r\n");
        foreach (var (name, value) in _fields)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("WARC-Block-Digest: ").Append(Sha256Label(Block.Span)).Append("\r\n");
        head.Append("Content-Length: ").Append(Block.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n\r\n");
        var headBytes = Encoding.UTF8.GetBytes(head.ToString());
        var bytes = new byte[headBytes.Length + Block.Length + 4];
        headBytes.CopyTo(bytes, 0);
        Block.Span.CopyTo(bytes.AsSpan(headBytes.Length));
        "\r\n\r\n"u8.CopyTo(bytes.AsSpan(headBytes.Length + Block.Length));
        return bytes;
    }

    public byte[] ToGzipMember()
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(ToBytes());
        }

        return output.ToArray();
    }

    /// <summary>A digest as WARC fields carry it: <c>sha256:</c> and lower-case hex.</summary>
    public static string Sha256Label(ReadOnlySpan<byte> data) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>WARC-Date: UTC, W3C-DTF with microseconds (WARC 1.1 allows fractions of a second).</summary>
    public static string Date(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static string NewId() => $"<urn:uuid:{Guid.NewGuid()}>";
}
