using Microsoft.Extensions.Options;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Evidence.Warc;

namespace NewsDesk.Web.Evidence;

/// <summary>Finds a capture's bytes on disk and says plainly when its file was removed or cut short.</summary>
public sealed class CaptureFiles(IOptions<EvidenceOptions> options, StoreLocation store)
{
    public string Folder => WarcFileWriter.CaptureDirectory(options.Value, store);

    public string PathOf(Capture capture)
    {
        ArgumentNullException.ThrowIfNull(capture);
        // The name comes from our own index; a name with a path in it would reach outside the folder.
        return Path.Combine(Folder, Path.GetFileName(capture.WarcFile));
    }

    /// <summary>Null when the file holds the capture's bytes, else what is wrong (a quick look: size only).</summary>
    public string? Problem(Capture capture)
    {
        var file = new FileInfo(PathOf(capture));
        if (!file.Exists)
        {
            return $"the capture file {capture.WarcFile} is missing";
        }

        return file.Length < capture.Offset + capture.Length
            ? $"the capture file {capture.WarcFile} is truncated ({file.Length} bytes; the capture ends at byte {capture.Offset + capture.Length})"
            : null;
    }

    /// <summary>The stored bytes of the capture (both gzip members), or null when the file cannot give them.</summary>
    public async Task<byte[]?> ReadAsync(Capture capture, CancellationToken cancellationToken)
    {
        if (Problem(capture) is not null)
        {
            return null;
        }

        await using var file = new FileStream(PathOf(capture), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        file.Position = capture.Offset;
        var bytes = new byte[capture.Length];
        await file.ReadExactlyAsync(bytes, cancellationToken);
        return bytes;
    }
}
