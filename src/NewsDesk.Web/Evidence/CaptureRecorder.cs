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

    /// <param name="durable">False when the caller saves many at once and calls <see cref="SyncAsync"/> before its commit.</param>
    /// <summary>Puts the records of not-durable captures on the disk.</summary>
    public Task SyncAsync(CancellationToken cancellationToken) => writer.SyncAsync(cancellationToken);

    public async Task<Outcome> RecordAsync(FetchResult response, CancellationToken cancellationToken, bool durable = true)
    {
        ArgumentNullException.ThrowIfNull(response);
        var settings = options.Value;
        if (!settings.KeepCaptures)
        {
            return new Outcome(null, $"captures are off ({EvidenceOptions.SectionName}:{nameof(EvidenceOptions.KeepCaptures)}=false)");
        }

        if (response.Exchange is not { } exchange)
        {
            return new Outcome(null, "the fetch kept no HTTP exchange");
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
        WarcWrite? write;
        string? notWritten;
        try
        {
            (write, notWritten) = await writer.AppendAsync(members, cancellationToken, durable);
        }
        catch (IOException ex)
        {
            logger.LogError(ex, "Could not write the capture of {Url}", target);
            return new Outcome(null, $"the capture could not be written: {ex.Message}");
        }

        if (write is null)
        {
            return new Outcome(null, notWritten);
        }

        using var stored = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var member in members)
        {
            stored.AppendData(member);
        }

        return new Outcome(new Capture
        {
            TargetUri = Cut(target, 2048),
            CapturedAt = exchange.ReceivedAt.UtcDateTime,
            WarcFile = write.File,
            Offset = write.Offset,
            Length = write.Length,
            StoredSha256 = Convert.ToHexStringLower(stored.GetHashAndReset()),
            PayloadSha256 = payloadDigest["sha256:".Length..],
            PayloadLength = payload.Length,
            ResponseRecordId = responseRecord.Id,
            IpAddress = exchange.RemoteAddress,
            HttpStatus = exchange.StatusCode,
            ContentType = response.ContentType is { } type ? Cut(type, 200) : null,
            HeadersTruncated = truncated,
        }, null);
    }

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..max];
}
