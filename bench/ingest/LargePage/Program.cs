using System.Diagnostics;
using System.Diagnostics.Tracing;

using NewsDesk.Extraction;

// LargePage PAGE.html [ROUNDS] [html|text]  (or LargePage --dump IN_DIR OUT_DIR, below): extracts one page ROUNDS times (default 5) on one thread, with the
// sanitized HTML (html, the scraper's way) or without it (text, the extract verb's), and prints per extraction the
// bytes allocated (GC.GetAllocatedBytesForCurrentThread), the part of them on the large-object heap (the runtime's
// allocation-tick events, sampled about every 100 KB), the CPU time, and the process's peak working set. The
// large-object heap is the part that matters for a scraper's peak: it is only collected with gen 2. The first round
// warms the JIT and is not counted.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: LargePage PAGE.html [ROUNDS] [html|text]");
    return 2;
}

if (args[0] == "--dump" && args.Length == 3)
{
    // --dump IN_DIR OUT_DIR: every page's sanitized HTML (NAME.html) and its other fields and text (NAME.txt), to compare
    // two builds' output file by file.
    Directory.CreateDirectory(args[2]);
    var dumper = new ArticleExtractor();
    foreach (var page in Directory.EnumerateFiles(args[1], "*.html"))
    {
        using var stream = File.OpenRead(page);
        var article = dumper.Extract(stream, null, new Uri("https://news.example/" + Path.GetFileName(page)));
        File.WriteAllText(Path.Combine(args[2], Path.GetFileName(page)), article.Html);
        // The other fields and the text too: a change to how the page is parsed could move any of them.
        File.WriteAllText(Path.Combine(args[2], Path.GetFileNameWithoutExtension(page) + ".txt"), string.Join('\n',
            article.Title, article.Byline, article.Published?.ToString("O"), article.PublishedHasZone, article.PublishedHasTime,
            article.SiteName, article.Language, article.CanonicalUrl, article.LeadImageUrl, article.Description, "", article.Text));
    }

    return 0;
}

var bytes = File.ReadAllBytes(args[0]);
var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
var includeHtml = args.Length <= 2 || args[2] != "text";
var url = new Uri("http://127.0.0.1/articles/page.html");
using var ticks = new AllocationTicks();
var extractor = new ArticleExtractor(new ExtractionOptions { IncludeHtml = includeHtml });
long allocated = 0, large = 0;
var cpu = TimeSpan.Zero;
var chars = 0;
for (var round = 0; round <= rounds; round++)
{
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    Thread.Sleep(200); // let the event thread catch up before reading the counter
    var largeBefore = ticks.Large;
    var before = GC.GetAllocatedBytesForCurrentThread();
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var article = extractor.Extract(new MemoryStream(bytes, writable: false), "text/html; charset=utf-8", url);
    var after = GC.GetAllocatedBytesForCurrentThread();
    var cpuAfter = Process.GetCurrentProcess().TotalProcessorTime;
    Thread.Sleep(200);
    chars = article.Text.Length + article.Html.Length;
    if (round > 0)
    {
        allocated += after - before;
        large += ticks.Large - largeBefore;
        cpu += cpuAfter - cpuBefore;
    }
}

Console.WriteLine($"{bytes.Length / 1e6:F2} MB page, html={(includeHtml ? "yes" : "no ")}: allocated {allocated / rounds / 1e6:F1} MB per page, " +
    $"of it large objects {large / rounds / 1e6:F1} MB, CPU {cpu.TotalMilliseconds / rounds:F0} ms, text+html {chars / 1e6:F1} M chars, " +
    $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
if (Environment.GetEnvironmentVariable("LARGEPAGE_BYTYPE") is not null)
{
    // Where the bytes went, by type and heap (sampled allocation ticks, about one per 100 KB), per extraction.
    foreach (var (key, sum) in ticks.ByType.OrderByDescending(t => t.Value).Take(25))
    {
        Console.WriteLine($"  {sum / (rounds + 1) / 1e6,7:F1} MB  {key}");
    }
}

return 0;

/// <summary>Sums the runtime's GCAllocationTick events for the large-object heap.</summary>
internal sealed class AllocationTicks : EventListener
{
    private long _large;

    public long Large => Interlocked.Read(ref _large);

    /// <summary>Sampled bytes by "heap type" (every round, the warm-up included), when LARGEPAGE_BYTYPE is set.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, long> ByType { get; } = new();

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName != "GCAllocationTick_V4" || e.PayloadNames is null)
        {
            return;
        }

        var kind = Convert.ToInt32(e.Payload![e.PayloadNames.IndexOf("AllocationKind")], System.Globalization.CultureInfo.InvariantCulture);
        if (Environment.GetEnvironmentVariable("LARGEPAGE_BYTYPE") is not null)
        {
            var key = $"{(kind == 1 ? "LOH" : kind == 2 ? "POH" : "SOH")} {e.Payload[e.PayloadNames.IndexOf("TypeName")]}";
            var amount = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
            ByType.AddOrUpdate(key, amount, (_, sum) => sum + amount);
        }

        if (kind == 1)
        {
            if (Environment.GetEnvironmentVariable("LARGEPAGE_TYPES") is not null)
            {
                Console.Error.WriteLine($"{e.Payload[e.PayloadNames.IndexOf("TypeName")]} {e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")]} {e.Payload[e.PayloadNames.IndexOf("ObjectSize")]}");
            }

            Interlocked.Add(ref _large, Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
