using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using NewsDesk.Web.Data;

namespace NewsDesk.Web.Evidence.Warc;

/// <summary>Where a group of records landed: the file, the offset of the first byte and the bytes written.</summary>
public sealed record WarcWrite(string File, long Offset, long Length);

/// <summary>
/// Appends gzip-compressed WARC records to files in the capture folder. Each process writes its own files (named
/// with the time and process id, created with CreateNew), so a <c>scrape --once</c> beside the server never
/// interleaves records with it; a file is closed at <see cref="EvidenceOptions.MaxWarcFileBytes"/>. A write is
/// flushed to disk (fsync) before it returns, so the index row the caller commits next never points at bytes a
/// crash could lose; a caller committing many rows at once writes them not durable and calls <see cref="SyncAsync"/>
/// once before its commit (one fsync per batch, not per article). A file a crash left with a half-written tail is
/// never appended to again.
/// </summary>
public sealed class WarcFileWriter(IOptions<EvidenceOptions> options, StoreLocation store, TimeProvider clock, ILogger<WarcFileWriter> logger) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private FileStream? _file;
    private string? _fileName;
    private int _sequence;
    private long? _storeBytes;
    private bool _warnedFull;
    private bool _unsynced;

    /// <summary>The capture folder (absolute).</summary>
    public string Directory => CaptureDirectory(options.Value, store);

    public static string CaptureDirectory(EvidenceOptions options, StoreLocation store) =>
        Path.GetFullPath(options.CaptureDirectory, store.DataDirectory);

    /// <summary>
    /// Appends the records (already compressed, one gzip member each) contiguously, or returns why not: the store
    /// is at its size cap. Not <paramref name="durable"/>: handed to the operating system only, until <see cref="SyncAsync"/>.
    /// </summary>
    public async Task<(WarcWrite? Write, string? NotWritten)> AppendAsync(IReadOnlyList<byte[]> members, CancellationToken cancellationToken, bool durable = true)
    {
        ArgumentNullException.ThrowIfNull(members);
        var settings = options.Value;
        var length = members.Sum(m => (long)m.Length);
        await _lock.WaitAsync(cancellationToken);
        try
        {
            _storeBytes ??= MeasureStore();
            if (_storeBytes + length > settings.MaxCaptureStoreBytes)
            {
                var reason = $"capture store full ({_storeBytes / (1024.0 * 1024):0.#} MiB of the {settings.MaxCaptureStoreBytes / (1024.0 * 1024):0.#} MiB in {EvidenceOptions.SectionName}:{nameof(EvidenceOptions.MaxCaptureStoreBytes)})";
                if (!_warnedFull)
                {
                    _warnedFull = true;
                    logger.LogWarning("Captures stopped: {Reason}; articles are stored without captures until space is made or the cap raised", reason);
                }

                return (null, reason);
            }

            var file = await OpenAsync(settings, length, cancellationToken);
            var offset = file.Length;
            file.Position = offset;
            // Written synchronously: the file is not opened for asynchronous I/O, so WriteAsync and FlushAsync would each
            // hop to a thread-pool thread for a write of a few kilobytes to the page cache. On a loaded machine that hop
            // cost the ingest benchmark's single storer milliseconds per article; the write itself costs microseconds.
            foreach (var member in members)
            {
                file.Write(member);
            }

            file.Flush();
            if (durable)
            {
                // fsync: the bytes are on the disk before the caller commits the row that points at them.
                file.Flush(flushToDisk: true);
                _unsynced = false;
            }
            else
            {
                _unsynced = true;
            }

            _storeBytes += length;
            return (new WarcWrite(_fileName!, offset, length), null);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Puts every record written so far on the disk (fsync), before the caller commits rows pointing at them.</summary>
    public async Task SyncAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            SyncFile();
        }
        finally
        {
            _lock.Release();
        }
    }

    private void SyncFile()
    {
        if (_unsynced && _file is not null)
        {
            _file.Flush(flushToDisk: true);
        }

        _unsynced = false;
    }

    private async Task<FileStream> OpenAsync(EvidenceOptions settings, long length, CancellationToken cancellationToken)
    {
        if (_file is not null && (_file.Length == 0 || _file.Length + length <= settings.MaxWarcFileBytes))
        {
            return _file;
        }

        // Records of a batch not synced yet are in the file being closed.
        SyncFile();
        await (_file?.DisposeAsync() ?? ValueTask.CompletedTask);
        System.IO.Directory.CreateDirectory(Directory);
        var now = clock.GetUtcNow();
        _fileName = string.Create(CultureInfo.InvariantCulture,
            $"NEWSDESK-{now:yyyyMMddHHmmssfff}-{Environment.ProcessId}-{++_sequence:00000}.warc.gz");
        _file = new FileStream(Path.Combine(Directory, _fileName), FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        // A warcinfo record opens each file: what wrote it and how (WARC 1.1 §6.1).
        var info = Encoding.UTF8.GetBytes(
            $"software: NewsDesk {AppVersion.Current}\r\nformat: WARC File Format 1.1\r\nconformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n" +
            $"host: {Environment.MachineName}\r\nisPartOf: NewsDesk captures\r\n");
        var warcinfo = new WarcRecord("warcinfo", now, info, "application/warc-fields").Add("WARC-Filename", _fileName).ToGzipMember();
        await _file.WriteAsync(warcinfo, cancellationToken);
        _storeBytes += warcinfo.Length;
        logger.LogInformation("Writing captures to {WarcFile}", _fileName);
        return _file;
    }

    private long MeasureStore()
    {
        var folder = new DirectoryInfo(Directory);
        return folder.Exists ? folder.EnumerateFiles("*.warc.gz").Sum(f => f.Length) : 0;
    }

    public void Dispose()
    {
        _file?.Dispose();
        _lock.Dispose();
    }
}
