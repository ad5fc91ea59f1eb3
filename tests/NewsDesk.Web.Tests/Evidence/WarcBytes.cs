using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Evidence;

/// <summary>Reads captures the plain way (gunzip, split on Content-Length) to check block digests by hand.</summary>
public static class WarcBytes
{
    public sealed record RawRecord(string Head, byte[] Block)
    {
        public string Field(string name) => Head.Split("\r\n").First(l => l.StartsWith(name + ": ", StringComparison.OrdinalIgnoreCase))[(name.Length + 2)..];
    }

    public static string FileOf(NewsDeskFactory factory, Capture capture) => Path.Combine(factory.DataDirectory, "captures", capture.WarcFile);

    public static byte[] StoredBytes(NewsDeskFactory factory, Capture capture)
    {
        using var file = File.OpenRead(FileOf(factory, capture));
        file.Position = capture.Offset;
        var bytes = new byte[capture.Length];
        file.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>The records in the stored bytes (concatenated gzip members are read as one stream).</summary>
    public static List<RawRecord> Records(byte[] stored)
    {
        using var gzip = new GZipStream(new MemoryStream(stored), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        var data = plain.ToArray();
        var records = new List<RawRecord>();
        for (var at = 0; at < data.Length;)
        {
            var end = data.AsSpan(at).IndexOf("\r\n\r\n"u8) + at;
            var head = Encoding.UTF8.GetString(data, at, end - at);
            var length = int.Parse(head.Split("\r\n").First(l => l.StartsWith("Content-Length: ", StringComparison.Ordinal))[16..], System.Globalization.CultureInfo.InvariantCulture);
            records.Add(new RawRecord(head, data[(end + 4)..(end + 4 + length)]));
            at = end + 4 + length + 4;
        }

        return records;
    }

    public static Task<List<Capture>> CapturesAsync(NewsDeskFactory factory) =>
        factory.ExecuteDbContextAsync(db => db.Captures.AsNoTracking().OrderBy(c => c.Id).ToListAsync());

    public static Task<List<ArticleVersion>> VersionsAsync(NewsDeskFactory factory, int articleId) =>
        factory.ExecuteDbContextAsync(db => db.ArticleVersions.AsNoTracking().Include(v => v.Capture)
            .Where(v => v.ArticleId == articleId).OrderBy(v => v.Number).ToListAsync());
}
