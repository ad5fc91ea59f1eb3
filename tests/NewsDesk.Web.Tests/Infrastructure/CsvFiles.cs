using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Web.Export;

namespace NewsDesk.Web.Tests.Infrastructure;

/// <summary>A CSV file read back with CsvHelper: its header and its rows by column name.</summary>
public sealed record CsvTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows)
{
    public IReadOnlyDictionary<string, string> Row(string column, string value) => Rows.Single(r => r[column] == value);
}

/// <summary>Exports through the app's own <see cref="ExportService"/> and reads the files back.</summary>
public static class CsvFiles
{
    public static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Every table of the selection, as the bytes of its CSV file, by file name.</summary>
    public static async Task<Dictionary<string, byte[]>> ExportAsync(
        this NewsDeskFactory factory, ExportSelection selection, ExportFormat? format = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var export = scope.ServiceProvider.GetRequiredService<ExportService>();
        var files = new Dictionary<string, byte[]>();
        foreach (var table in ExportService.Tables)
        {
            using var buffer = new MemoryStream();
            await export.WriteTableAsync(table, selection, format ?? new ExportFormat(), buffer, CancellationToken.None);
            files[table.FileName] = buffer.ToArray();
        }

        return files;
    }

    /// <summary>One file of the selection (a CSV table or a JSON document), as its bytes.</summary>
    public static async Task<byte[]> ExportFileAsync(this NewsDeskFactory factory, ExportSelection selection, string fileName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var export = scope.ServiceProvider.GetRequiredService<ExportService>();
        using var buffer = new MemoryStream();
        await export.WriteFileAsync(ExportService.FindFile(fileName)!, selection, new ExportFormat(), buffer, CancellationToken.None);
        return buffer.ToArray();
    }

    public static async Task<Dictionary<string, CsvTable>> ExportTablesAsync(
        this NewsDeskFactory factory, ExportSelection selection, ExportFormat? format = null) =>
        (await factory.ExportAsync(selection, format)).ToDictionary(f => f.Key, f => Read(f.Value));

    public static CsvTable Read(byte[] csv)
    {
        using var reader = CsvReader.Create(csv, CsvReaderOptions.Default with { Separator = ',' });
        reader.ReadHeader();
        var headers = reader.Headers.ToArray();
        var rows = new List<IReadOnlyDictionary<string, string>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, string>();
            for (var i = 0; i < headers.Length; i++)
            {
                row[headers[i]] = reader.GetString(i);
            }

            rows.Add(row);
        }

        return new CsvTable(headers, rows);
    }
}
