using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using NewsDesk.Extraction.Feeds;

// FeedsBench FEEDS_DIR EXPECTED_JSON RESULTS_JSONL
// Each file is parsed with the address and Content-Type expected.json gives it (as served to feedparser). Every
// result line carries the time and the bytes allocated, so the 1 s / 64 MB per-file limits can be checked.
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: FeedsBench FEEDS_DIR EXPECTED_JSON RESULTS_JSONL");
    return 2;
}

var files = JsonNode.Parse(File.ReadAllText(args[1]))!["files"]!.AsObject();
using var output = new StreamWriter(args[2]);
int crashed = 0, slow = 0, heavy = 0;
double slowest = 0;
long heaviest = 0;
foreach (var (path, expected) in files)
{
    var bytes = File.ReadAllBytes(Path.Combine(args[0], path));
    // As feedparser's test server does, a file's declared "Header: Content-Location:" is the feed's address.
    var url = new Uri((string)expected!["url"]!);
    if (ContentLocation().Match(System.Text.Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 2048))) is { Success: true } location)
    {
        url = new Uri(url, location.Groups[1].Value.Trim());
    }

    var contentType = (string?)expected["content_type"];
    var line = new Dictionary<string, object?> { ["path"] = path };
    var before = GC.GetAllocatedBytesForCurrentThread();
    var clock = Stopwatch.StartNew();
    try
    {
        var feed = FeedParser.Parse(bytes, url, FeedParser.DefaultMaxItems, contentType);
        line["links"] = feed.Items.Select(i => i.Url.AbsoluteUri).ToList();
        line["total"] = feed.TotalItems;
        line["format"] = feed.Format.ToString();
        line["encoding"] = feed.Encoding;
        if (feed.Repair is not null)
        {
            line["repair"] = feed.Repair;
        }

        if (feed.DescribeSkipped() is { } skipped)
        {
            line["skipped"] = skipped;
        }
    }
    catch (FeedFormatException ex)
    {
        line["error"] = ex.Message;
    }
    catch (Exception ex)
    {
        crashed++;
        line["error"] = $"CRASH {ex.GetType().Name}: {ex.Message}";
    }

    var ms = clock.Elapsed.TotalMilliseconds;
    var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
    line["ms"] = Math.Round(ms, 2);
    line["allocated"] = allocated;
    slowest = Math.Max(slowest, ms);
    heaviest = Math.Max(heaviest, allocated);
    slow += ms > 1000 ? 1 : 0;
    heavy += allocated > 64L * 1024 * 1024 ? 1 : 0;
    output.WriteLine(JsonSerializer.Serialize(line));
}

Console.WriteLine($"{files.Count} files: {crashed} crashed, {slow} over 1 s (slowest {slowest:0} ms), " +
    $"{heavy} over 64 MB allocated (most {heaviest / (1024.0 * 1024):0.0} MB)");
return crashed == 0 && slow == 0 && heavy == 0 ? 0 : 1;

internal static partial class Program
{
    [System.Text.RegularExpressions.GeneratedRegex(@"Header:\s*Content-Location:\s*(\S+)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ContentLocation();
}
