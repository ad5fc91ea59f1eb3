using Microsoft.Extensions.Options;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Evidence.Warc;
using NewsDesk.Web.Ingest.Http;

namespace NewsDesk.Web.Evidence;

/// <summary>
/// Turns a fetched response into WARC request + response records on disk and the <see cref="Capture"/> row that
/// indexes them (not saved: the caller adds it in the same transaction as the article version that needs it).
/// </summary>
public sealed class CaptureRecorder(WarcFileWriter writer, IOptions<EvidenceOptions> options, ILogger<CaptureRecorder> logger)
{
    /// <summary>The capture, or why there is none.</summary>
    public sealed record Outcome(Capture? Capture, string? NotCapturedReason);

    /// <summary>Puts the records of not-durable captures on the disk.</summary>
    public Task SyncAsync(CancellationToken cancellationToken) => writer.SyncAsync(cancellationToken);

    /// <summary>
    /// A response's WARC records, compressed and digested, not written yet: the costly part of a capture (a gzip of the
    /// page and three SHA-256 digests), done by the caller on its own thread. The scraper prepares each page right after
    /// extracting it, while the one storer of the process takes only the file append and the row (see Ingest/StoreTurns).
    /// </summary>
    public sealed class Prepared
    {
        internal Prepared(IReadOnlyList<byte[]> members, Capture row)
        {
            Members = members;
            Row = row;
        }

        /// <summary>The request and response records, one gzip member each, in file order.</summary>
        internal IReadOnlyList<byte[]> Members { get; }

        /// <summary>The capture's row but for where the records land (file, offset, length), filled in when written.</summary>
        internal Capture Row { get; }

        /// <summary>1 once the records are written: they are written once.</summary>
        internal int Written;
    }

    /// <summary>The capture of a response, prepared (see <see cref="Prepared"/>), or why it is not kept.</summary>
    public (Prepared? Capture, string? NotCapturedReason) Prepare(FetchResult response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var settings = options.Value;
        if (!settings.KeepCaptures)
        {
            return (null, $"captures are off ({EvidenceOptions.SectionName}:{nameof(EvidenceOptions.KeepCaptures)}=false)");
        }

        if (response.Exchange is not { } exchange)
        {
            return (null, "the fetch kept no HTTP exchange");
        }

        var payload = response.Body;
        var requestHead = HttpHead.Request(exchange, settings.MaxCapturedHeaderBytes);
        var responseHead = HttpHead.Response(exchange, payload.Length, settings.MaxCapturedHeaderBytes);
        var target = exchange.Url.AbsoluteUri;
        var payloadDigest = WarcRecord.Sha256Label(payload.Span);

        var responseRecord = new WarcRecord("response", exchange.ReceivedAt, [responseHead.Bytes, payload], "application/http;msgtype=response")
            .Add("WARC-Target-URI", target)
            .Add("WARC-Payload-Digest", payloadDigest);
        var requestRecord = new WarcRecord("request", exchange.ReceivedAt, requestHead.Bytes, "application/http;msgtype=request")
            .Add("WARC-Target-URI", target)
            .Add("WARC-Concurrent-To", responseRecord.Id);
        if (exchange.RemoteAddress is { } address)
        {
            responseRecord.Add("WARC-IP-Address", address);
            requestRecord.Add("WARC-IP-Address", address);
        }

        var truncated = requestHead.Truncated || responseHead.Truncated;
        if (truncated)
        {
            // WARC-Truncated speaks of the block; the headers cut here are part of it.
            responseRecord.Add("WARC-Truncated", "length");
            logger.LogWarning("Headers of {Url} exceed {Limit} bytes; the capture keeps the first ones", target, settings.MaxCapturedHeaderBytes);
        }

        byte[][] members = [requestRecord.ToGzipMember(), responseRecord.ToGzipMember()];
        using var stored = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var member in members)
        {
            stored.AppendData(member);
        }

        var storedSha256 = Convert.ToHexStringLower(stored.GetHashAndReset());
        return (new Prepared(members, new Capture
        {
            WarcFile = "", // where the records land is known once they are written
            StoredSha256 = storedSha256,
            TargetUri = Cut(target, 2048),
            CapturedAt = exchange.ReceivedAt.UtcDateTime,
            PayloadSha256 = payloadDigest["sha256:".Length..],
            PayloadLength = payload.Length,
            ResponseRecordId = responseRecord.Id,
            IpAddress = exchange.RemoteAddress,
            HttpStatus = exchange.StatusCode,
            ContentType = response.ContentType is { } type ? Cut(type, 200) : null,
            HeadersTruncated = truncated,
        }), null);
    }

    /// <summary>Prepares and writes the capture of a response.</summary>
    public Task<Outcome> RecordAsync(FetchResult response, CancellationToken cancellationToken, bool durable = true)
    {
        var (prepared, notCaptured) = Prepare(response);
        return prepared is null ? Task.FromResult(new Outcome(null, notCaptured)) : RecordAsync(prepared, cancellationToken, durable);
    }

    /// <summary>Appends prepared records to the current WARC file and returns the capture row that points at them.</summary>
    /// <param name="prepared">Written once: records written twice would carry the same WARC-Record-ID.</param>
    /// <param name="durable">False when the caller saves many at once and calls <see cref="SyncAsync"/> before its commit.</param>
    public async Task<Outcome> RecordAsync(Prepared prepared, CancellationToken cancellationToken, bool durable = true)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        if (Interlocked.Exchange(ref prepared.Written, 1) != 0)
        {
            throw new InvalidOperationException("These capture records were written already; a second copy would repeat their WARC-Record-IDs.");
        }

        WarcWrite? write;
        string? notWritten;
        try
        {
            (write, notWritten) = await writer.AppendAsync(prepared.Members, cancellationToken, durable);
        }
        catch (IOException ex)
        {
            logger.LogError(ex, "Could not write the capture of {Url}", prepared.Row.TargetUri);
            return new Outcome(null, $"the capture could not be written: {ex.Message}");
        }

        if (write is null)
        {
            return new Outcome(null, notWritten);
        }

        var row = prepared.Row;
        (row.WarcFile, row.Offset, row.Length) = (write.File, write.Offset, write.Length);
        return new Outcome(row, null);
    }

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..max];
}
