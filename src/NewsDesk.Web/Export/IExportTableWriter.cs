namespace NewsDesk.Web.Export;

/// <summary>One file of an export, in the folder or ZIP.</summary>
public interface IExportFile
{
    /// <summary>The file's name in the folder or ZIP, e.g. "mentions.csv".</summary>
    string FileName { get; }

    /// <summary>The media type it is downloaded as.</summary>
    string ContentType => "text/csv; charset=utf-8";
}

/// <summary>Writes one exported table (one CSV file) of a selection, row by row as the rows are read.</summary>
public interface IExportTableWriter : IExportFile
{
    IReadOnlyList<string> Columns(ExportFormat format);

    Task WriteRowsAsync(ExportScope scope, ExportFormat format, CsvTableWriter csv, CancellationToken cancellationToken);
}

/// <summary>Writes one JSON file of a selection (claims.jsonld, incidents.geojson), object by object as they are read.</summary>
public interface IExportDocumentWriter : IExportFile
{
    /// <summary>Writes the document; returns how many objects (claims, features) it holds.</summary>
    Task<int> WriteAsync(ExportScope scope, Stream output, CancellationToken cancellationToken);
}
