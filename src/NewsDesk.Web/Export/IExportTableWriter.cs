namespace NewsDesk.Web.Export;

/// <summary>Writes one exported table (one CSV file) of a selection, row by row as the rows are read.</summary>
public interface IExportTableWriter
{
    /// <summary>The file's name in the folder or ZIP, e.g. "mentions.csv".</summary>
    string FileName { get; }

    IReadOnlyList<string> Columns(ExportFormat format);

    Task WriteRowsAsync(ExportScope scope, ExportFormat format, CsvTableWriter csv, CancellationToken cancellationToken);
}
