using CsvHelper;

namespace NewsDesk.Web.Export;

/// <summary>
/// One CSV file being written with CsvHelper: RFC 4180 (CRLF, fields quoted when needed) in UTF-8, with a
/// byte-order mark unless asked not to. Rows go to the stream as they are ended, never collected.
/// </summary>
public sealed class CsvTableWriter : IAsyncDisposable
{
    /// <summary>Bytes buffered before they go to the stream: a few writes a megabyte, not hundreds.</summary>
    public const int BufferSize = 1 << 20;

    private readonly CsvWriter _csv;
    private readonly bool _synchronous;

    /// <param name="output">Where the CSV goes.</param>
    /// <param name="byteOrderMark">Whether the file starts with UTF-8's byte-order mark.</param>
    /// <param name="synchronous">
    /// Write the buffer to <paramref name="output"/> synchronously: for a local file only (a response body must be
    /// written asynchronously). On Linux every asynchronous file write is a hop to a thread-pool thread, and on a
    /// busy machine each hop waits for the scheduler: a million-row file paid that thousands of times
    /// (bench/README.md, "Export").
    /// </param>
    public CsvTableWriter(Stream output, bool byteOrderMark, bool synchronous = false)
    {
        _synchronous = synchronous;
        // Injection stays off here: CsvCells.Text neutralises text itself, because CsvHelper's injection
        // characters must be ASCII and the full-width forms (＝ ＋ － ＠) must be caught too.
        _csv = CsvWriter.Create(output, CsvWriterOptions.Default with
        {
            NewLine = "\r\n",
            WriteByteOrderMark = byteOrderMark,
            BufferSize = BufferSize,
        }, leaveOpen: true);
    }

    /// <summary>Rows written so far, not counting the header.</summary>
    public int Rows { get; private set; }

    /// <summary>The header record (CsvHelper ends it itself).</summary>
    public void WriteHeader(IReadOnlyList<string> columns) => _csv.WriteHeader([.. columns]);

    /// <summary>A text cell, neutralised and length-checked by <see cref="CsvCells.Text"/>.</summary>
    public void Text(string? value) => _csv.WriteField(CsvCells.Text(value));

    /// <summary>A cell already made safe by <see cref="CsvCells"/> (dates, joined lists, enum names).</summary>
    public void Cell(string value) => _csv.WriteField(value);

    /// <summary>A number, written as a number: never prefixed, whatever its sign.</summary>
    public void Number(int? value) => _csv.WriteField(value);

    public void Number(long? value) => _csv.WriteField(value);

    public void Number(double? value) => _csv.WriteField(value);

    public async ValueTask EndRowAsync(CancellationToken cancellationToken)
    {
        if (_synchronous)
        {
            _csv.EndRecord();
        }
        else
        {
            await _csv.EndRecordAsync(cancellationToken);
        }

        Rows++;
    }

    public async ValueTask DisposeAsync()
    {
        if (_synchronous)
        {
            _csv.Dispose();
        }
        else
        {
            await _csv.DisposeAsync();
        }
    }
}
