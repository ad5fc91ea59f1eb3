using System.Text;

namespace NewsDesk.Web.Tests.Infrastructure;

/// <summary>What an app wrote to the rolling log files in its data folder (logs/), read while it may still be writing.</summary>
public static class AppLogs
{
    /// <summary>
    /// The log text once it holds every awaited string, or what it holds after a minute. The file sink buffers and flushes
    /// every 2 s; on a loaded machine the flush has come later than 5 s.
    /// </summary>
    public static async Task<string> ReadAsync(string dataDirectory, params string[] awaited)
    {
        var text = Read(dataDirectory);
        for (var attempt = 0; attempt < 600 && !awaited.All(a => text.Contains(a, StringComparison.Ordinal)); attempt++)
        {
            await Task.Delay(100);
            text = Read(dataDirectory);
        }

        return text;
    }

    /// <summary>Every log file's text now, read shared so the writing app is not disturbed.</summary>
    public static string Read(string dataDirectory)
    {
        var folder = Path.Combine(dataDirectory, "logs");
        var text = new StringBuilder();
        foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToArray() : [])
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            text.Append(new StreamReader(stream).ReadToEnd());
        }

        return text.ToString();
    }
}
