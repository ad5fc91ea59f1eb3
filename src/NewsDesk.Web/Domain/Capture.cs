namespace NewsDesk.Web.Domain;

/// <summary>
/// Where one fetch's exact HTTP exchange is kept: a WARC request + response record pair, each gzip-compressed,
/// at <see cref="Offset"/> in a WARC file of the capture folder. The file is append-only; this row is written
/// only after the records are on disk, so it never points past a file's end.
/// </summary>
public class Capture
{
    public long Id { get; set; }

    /// <summary>The URL the response came from (after redirects): the records' WARC-Target-URI.</summary>
    public required string TargetUri { get; set; }

    /// <summary>The response's WARC-Date (UTC).</summary>
    public DateTime CapturedAt { get; set; }

    /// <summary>The WARC file's name, relative to the capture folder.</summary>
    public required string WarcFile { get; set; }

    /// <summary>Byte offset of the request record's gzip member; the response member follows it.</summary>
    public long Offset { get; set; }

    /// <summary>Bytes of both gzip members together, as stored.</summary>
    public long Length { get; set; }

    /// <summary>SHA-256 (hex) of the stored bytes [Offset, Offset + Length): <c>verify</c> recomputes it.</summary>
    public required string StoredSha256 { get; set; }

    /// <summary>SHA-256 (hex) of the HTTP body: the response record's WARC-Payload-Digest.</summary>
    public required string PayloadSha256 { get; set; }
    public long PayloadLength { get; set; }
    public required string ResponseRecordId { get; set; }
    public string? IpAddress { get; set; }
    public int HttpStatus { get; set; }
    public string? ContentType { get; set; }

    /// <summary>Some HTTP headers were left out of the records because the set was larger than the cap.</summary>
    public bool HeadersTruncated { get; set; }
}
