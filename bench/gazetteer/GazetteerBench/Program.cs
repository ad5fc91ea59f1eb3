using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using GazetteerBench;
using NewsDesk.Web.Places;

// Load: the app's Gazetteer (decompress, parse, fold and sort every name) against two baselines: only
// decompressing and splitting the same file into lines (the floor), and the loader before session 6
// (PreviousLoader.cs), which runs after the app's, so the app's pays the first use of what they share. Memory: managed heap after a full GC, before and after.
// Type-ahead: 2,000 prefixes (2 to 6 characters of real place names, Latin and Arabic) through Gazetteer.Search
// against the baseline of a linear scan of every folded name with StartsWith, as a simple implementation would do.
var culture = CultureInfo.InvariantCulture;
static long Heap() => GC.GetTotalMemory(forceFullCollection: true);

var watch = Stopwatch.StartNew();
var lines = 0;
using (var stream = typeof(Gazetteer).Assembly.GetManifestResourceStream("NewsDesk.Web.Places.Data.places.tsv.gz")!)
using (var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress), Encoding.UTF8))
{
    while (reader.ReadLine() is { } line)
    {
        lines += line.Split('\t').Length > 0 ? 1 : 0;
    }
}

var baselineLoad = watch.Elapsed;
var heapBefore = Heap();
watch.Restart();
var gazetteer = new Gazetteer();
var count = gazetteer.Count;
var load = watch.Elapsed;
var heapAfter = Heap();
watch.Restart();
PreviousLoader.Load();
var previousLoad = watch.Elapsed;

var random = new Random(18);
var all = gazetteer.Search("a", 5000).Concat(gazetteer.Search("ب", 2000)).Concat(gazetteer.Search("s", 5000)).ToList();
var folded = all.SelectMany(p => p.AlternateNames.Prepend(p.Name)).Select(Gazetteer.Fold).ToArray();
var queries = Enumerable.Range(0, 2000).Select(_ =>
{
    var name = folded[random.Next(folded.Length)];
    return name[..Math.Min(name.Length, random.Next(2, 7))];
}).ToArray();

// Every name of every place, for the linear-scan baseline.
var everyName = new List<string>();
foreach (var q in "abcdefghijklmnopqrstuvwxyzابتثجحخدذرزسشصضطظعغفقكلمنهوي")
{
    everyName.AddRange(gazetteer.Search(q.ToString(), 100_000).SelectMany(p => p.AlternateNames.Prepend(p.Name)).Select(Gazetteer.Fold));
}

var ours = Measure(queries, q => gazetteer.Search(q, 10).Count);
var scan = Measure(queries, q => everyName.Count(n => n.StartsWith(q, StringComparison.Ordinal)));

Console.WriteLine($"places: {count:N0} ({lines:N0} lines in the file), names in the baseline scan: {everyName.Count:N0}");
Console.WriteLine(string.Create(culture, $"load: gazetteer {load.TotalMilliseconds:F0} ms, baseline (decompress + split) {baselineLoad.TotalMilliseconds:F0} ms, x{load / baselineLoad:F1}; loader before session 6 {previousLoad.TotalMilliseconds:F0} ms, x{load / previousLoad:F2} (target <= 1000 ms)"));
Console.WriteLine(string.Create(culture, $"memory: managed heap +{(heapAfter - heapBefore) / 1048576.0:F1} MiB after load; process working set {Environment.WorkingSet / 1048576.0:F0} MiB (target <= 150 MB)"));
Console.WriteLine(string.Create(culture, $"type-ahead (2,000 prefixes): gazetteer p50 {ours.P50:F3} ms, p99 {ours.P99:F3} ms, max {ours.Max:F3} ms; linear scan p50 {scan.P50:F3} ms, p99 {scan.P99:F3} ms; p99 ratio {scan.P99 / ours.P99:F0}x faster (target <= 50 ms)"));

static (double P50, double P99, double Max) Measure(string[] queries, Func<string, int> search)
{
    foreach (var q in queries.Take(100))
    {
        search(q);
    }

    var times = new List<double>(queries.Length);
    foreach (var q in queries)
    {
        var t = Stopwatch.GetTimestamp();
        search(q);
        times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
    }

    times.Sort();
    return (times[times.Count / 2], times[(int)(times.Count * 0.99)], times[^1]);
}
