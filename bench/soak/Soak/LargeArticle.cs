using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Soak;

/// <summary>
/// What one large article costs the server's memory: viewing its page, reading it through the API, tagging it,
/// asking for its suggestions and exporting it with its text, each against the same step on a small article in the
/// same run. The peak is the server's VmHWM after resetting it (<c>/proc/PID/clear_refs</c>), so a brief spike counts.
/// </summary>
public static class LargeArticle
{
    public const string LargeTitle = "Soak large article";
    public const string SmallTitle = "Soak small article";

    /// <summary>Writes a seeds folder (the import-seeds format) with a large and a small article naming the starter actors.</summary>
    public static void WriteSeeds(string folder, int largeBytes)
    {
        Directory.CreateDirectory(Path.Combine(folder, "articles"));
        Write(Path.Combine(folder, "articles", "large.json"), "urn:soak:large", LargeTitle, largeBytes);
        Write(Path.Combine(folder, "articles", "small.json"), "urn:soak:small", SmallTitle, 30_000);
    }

    public static async Task<string> MeasureAsync(Uri app, Account account, int serverPid)
    {
        using var api = account.ApiClient(app);
        using var pages = await account.PageClientAsync(app, CancellationToken.None);
        using var list = JsonDocument.Parse(await api.GetStringAsync("/api/articles?limit=50"));
        var ids = list.RootElement.GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("title").GetString()!, i => i.GetProperty("id").GetInt32());
        var report = new StringBuilder("| step (3 times each) | small article: peak RSS above before, MB | large article | large: text length | ratio to the text's UTF-8 size |\n|---|---|---|---|---|\n");
        foreach (var (name, step) in Steps(api, pages))
        {
            var small = await PeakAsync(serverPid, () => step(ids[SmallTitle]));
            var large = await PeakAsync(serverPid, () => step(ids[LargeTitle]));
            var text = await TextBytesAsync(api, ids[LargeTitle]);
            report.Append(CultureInfo.InvariantCulture,
                $"| {name} | {small.PeakMb:0.0} ({small.Ms:0} ms) | {large.PeakMb:0.0} ({large.Ms:0} ms) | {text / 1e6:0.00} MB | {large.PeakMb * 1e6 / text:0.0}x |\n");
        }

        return report.ToString();
    }

    private static IEnumerable<(string Name, Func<int, Task> Step)> Steps(HttpClient api, HttpClient pages) =>
    [
        ("view the article page", id => Read(pages, $"/articles/{id}")),
        ("read it through the API", id => Read(api, $"/api/articles/{id}")),
        ("tag a word near its end (POST mention)", async id =>
        {
            using var body = JsonDocument.Parse(await api.GetStringAsync($"/api/articles/{id}"));
            var text = body.RootElement.GetProperty("text").GetString()!;
            var start = text.LastIndexOf("Hezbollah", StringComparison.Ordinal);
            using var response = await api.PostAsJsonAsync($"/api/articles/{id}/mentions", new
            {
                start,
                end = start + "Hezbollah".Length,
                quote = "Hezbollah",
                entityType = "actor",
                newEntity = new { name = $"Large soak actor {Guid.NewGuid():N}", kind = "armed group" },
            });
            Check(response);
        }),
        ("suggestions", id => Read(api, $"/api/articles/{id}/suggestions")),
        ("export articles.csv with text (whole store)", _ => Read(pages, "/export?handler=File&name=articles.csv&text=true")),
        ("export mentions.csv (whole store)", _ => Read(pages, "/export?handler=File&name=mentions.csv")),
    ];

    private static async Task Read(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        Check(response);
        await using var body = await response.Content.ReadAsStreamAsync();
        await body.CopyToAsync(Stream.Null);
    }

    private static void Check(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}");
        }
    }

    private static async Task<long> TextBytesAsync(HttpClient api, int id)
    {
        using var body = JsonDocument.Parse(await api.GetStringAsync($"/api/articles/{id}"));
        return Encoding.UTF8.GetByteCount(body.RootElement.GetProperty("text").GetString()!);
    }

    /// <summary>Runs the step three times; returns the server's peak RSS above its RSS before, and the slowest run.</summary>
    private static async Task<(double PeakMb, double Ms)> PeakAsync(int pid, Func<Task> step)
    {
        await Task.Delay(1000);
        var before = Status(pid, "VmRSS");
        await File.WriteAllTextAsync($"/proc/{pid}/clear_refs", "5");
        var slowest = 0.0;
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            await step();
            slowest = Math.Max(slowest, clock.Elapsed.TotalMilliseconds);
        }

        return ((Status(pid, "VmHWM") - before) / 1024.0, slowest);
    }

    private static long Status(int pid, string field) => long.Parse(
        File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith(field + ":", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
        CultureInfo.InvariantCulture);

    private static void Write(string path, string url, string title, int bytes)
    {
        var names = new[] { "Kataib Hezbollah", "Hezbollah", "Ansar Allah", "Hamas", "CENTCOM" };
        var paragraphs = new List<string>();
        var size = 0;
        for (var i = 0; size < bytes; i++)
        {
            var paragraph = $"Paragraph {i}: {names[i % names.Length]} said that an attack near Tower {i % 40} left several people wounded, " +
                $"and officials said {names[(i + 2) % names.Length]} had moved fighters across the border overnight, according to local sources " +
                "who spoke on condition of anonymity because they were not authorised to talk to the press about the matter. " +
                "Residents described hearing explosions for hours before the shelling stopped and the roads reopened to traffic.";
            paragraphs.Add(paragraph);
            size += paragraph.Length + 2;
        }

        File.WriteAllText(path, JsonSerializer.Serialize(new { url, title, siteName = "Soak", language = "en", publishedAt = "2026-12-01T12:00:00", paragraphs }));
    }
}
