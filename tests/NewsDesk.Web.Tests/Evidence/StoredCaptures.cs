using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace NewsDesk.Web.Tests.Evidence;

/// <summary>
/// The capture index read straight from a database file a killed process left (no app, no EF: the process that wrote
/// it is gone), and the check that each row's bytes are in its WARC file with the digest the row names.
/// </summary>
public static class StoredCaptures
{
    public sealed record Row(string WarcFile, long Offset, long Length, string StoredSha256);

    public static async Task<List<Row>> ReadAsync(string databasePath)
    {
        await using var db = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT WarcFile, Offset, Length, StoredSha256 FROM Captures";
        var rows = new List<Row>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new Row(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3)));
        }

        return rows;
    }

    /// <summary>What is wrong with a row's bytes in <paramref name="capturesDirectory"/>, or null when they are whole.</summary>
    public static async Task<string?> ProblemAsync(string capturesDirectory, Row row)
    {
        var path = Path.Combine(capturesDirectory, row.WarcFile);
        if (!File.Exists(path) || row.Offset + row.Length > new FileInfo(path).Length)
        {
            return $"capture {row.WarcFile}:{row.Offset}+{row.Length} points past the end of its file";
        }

        await using var stream = File.OpenRead(path);
        stream.Position = row.Offset;
        var bytes = new byte[row.Length];
        await stream.ReadExactlyAsync(bytes);
        return Convert.ToHexStringLower(SHA256.HashData(bytes)) == row.StoredSha256
            ? null
            : $"capture {row.WarcFile}:{row.Offset} does not match its digest";
    }
}
