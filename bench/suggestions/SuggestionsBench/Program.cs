using System.Diagnostics;
using System.Globalization;
using System.Text;
using NewsDesk.Extraction;
using NewsDesk.Web.Suggestions.Claims;
using NewsDesk.Web.Suggestions.Matching;

// Knowledge base: 20,000 actors with 60,000 names in all (a name and two aliases each; a third in Arabic script),
// made from syllables so names share prefixes and words as real ones do ("Brigades of ...", "Al ...").
// Build: AliasIndex.Build (fold, weak-name check, automaton) against the baseline of folding every name into a
// HashSet (what any exact-name lookup must do). Match: AliasIndex.Find plus the attribution rules on a 5,000-word
// article and on a 5 MB one, against the baseline of a word n-gram (1-4) lookup in that HashSet, which finds the
// same names without word-boundary folding subtleties. Ingest: the same matching against extracting the article
// from HTML with the app's extractor (the fixed part of ingesting one article).
var culture = CultureInfo.InvariantCulture;
var actors = args.Select(a => int.TryParse(a, culture, out var n) ? n : 0).FirstOrDefault(n => n > 0, 20_000);
var random = new Random(16);
string[] latin = ["ka", "ta", "ib", "hez", "bol", "lah", "ra", "mi", "no", "su", "vel", "dar", "qu", "zin", "or", "tan", "el", "mar", "sha", "fi"];
string[] arabic = ["كا", "تا", "ئب", "حز", "ب", "لل", "ره", "مي", "نو", "سو", "فل", "دا", "قو", "زي", "ور", "تن", "ال", "ما", "شا", "في"];
string Word(string[] syllables) => string.Concat(Enumerable.Range(0, random.Next(2, 4)).Select(_ => syllables[random.Next(syllables.Length)]));
string Title(string w) => char.ToUpperInvariant(w[0]) + w[1..];

var entries = new List<AliasEntry>(actors * 3);
for (var id = 1; id <= actors; id++)
{
    var name = $"{Title(Word(latin))} {Title(Word(latin))}";
    entries.Add(new AliasEntry(id, name, name));
    entries.Add(new AliasEntry(id, name, $"{Title(Word(latin))} Brigades of {Title(Word(latin))}"));
    entries.Add(new AliasEntry(id, name, $"{Word(arabic)} {Word(arabic)}"));
}

static long Heap() => GC.GetTotalMemory(forceFullCollection: true);

// Warm the folding table and JIT once on a small set, so the build below measures the build.
AliasIndex.Build(entries.Take(100));

var heapBefore = Heap();
var watch = Stopwatch.StartNew();
var index = AliasIndex.Build(entries);
var build = watch.Elapsed;
var heapIndex = Heap() - heapBefore;
GC.KeepAlive(index);

watch.Restart();
var keys = new HashSet<string>(entries.Select(e => MatchFolding.FoldKey(e.Alias)), StringComparer.Ordinal);
var baselineBuild = watch.Elapsed;

string Article(int words)
{
    var text = new StringBuilder(words * 7);
    var filler = new[] { "the", "militia", "said", "that", "forces", "attacked", "a", "base", "near", "the", "border", "on", "Monday", "and", "officials", "denied", "it" };
    for (var w = 0; w < words; w++)
    {
        if (random.Next(40) == 0)
        {
            text.Append(entries[random.Next(entries.Count)].Alias);
        }
        else
        {
            text.Append(filler[random.Next(filler.Length)]);
        }

        text.Append(w % 25 == 24 ? ".\n\n" : w % 12 == 11 ? ". " : " ");
    }

    return text.ToString();
}

var small = Article(5_000);
var large = Article(800_000);
while (Encoding.UTF8.GetByteCount(large) < 5_000_000)
{
    large += "\n\n" + Article(20_000);
}

(double Ours, double Baseline, int Found) Time(string text, int repeats)
{
    var ours = double.MaxValue;
    var baseline = double.MaxValue;
    var found = 0;
    for (var r = 0; r < repeats; r++)
    {
        var t = Stopwatch.GetTimestamp();
        var matches = index.Find(text, cap: int.MaxValue).Matches;
        AttributionRules.Find(text, matches, cap: int.MaxValue);
        ours = Math.Min(ours, Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        found = matches.Count;

        t = Stopwatch.GetTimestamp();
        NGramLookup(text);
        baseline = Math.Min(baseline, Stopwatch.GetElapsedTime(t).TotalMilliseconds);
    }

    return (ours, baseline, found);
}

int NGramLookup(string text)
{
    var words = MatchFolding.Fold(text).Text.Split([' ', '\n', '.', ','], StringSplitOptions.RemoveEmptyEntries);
    var hits = 0;
    for (var i = 0; i < words.Length; i++)
    {
        var phrase = words[i];
        for (var n = 1; n <= 5 && i + n <= words.Length; n++)
        {
            if (n > 1)
            {
                phrase += " " + words[i + n - 1];
            }

            hits += keys.Contains(phrase) ? 1 : 0;
        }
    }

    return hits;
}

Time(small, 3);
var smallTimes = Time(small, 20);
var largeTimes = Time(large, 3);

// Ingest: extracting a page of the 5,000-word article against matching its text for the watchlist.
var html = ($"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Bench</title></head><body><article><h1>Bench</h1>{string.Concat(small.Split("\n\n").Select(p => $"<p>{p}</p>"))}</article></body></html>");
var extractor = new ArticleExtractor();
var extract = double.MaxValue;
var match = double.MaxValue;
for (var r = 0; r < 10; r++)
{
    var t = Stopwatch.GetTimestamp();
    var extracted = extractor.Extract(html, new Uri("https://bench.example/a"));
    extract = Math.Min(extract, Stopwatch.GetElapsedTime(t).TotalMilliseconds);
    t = Stopwatch.GetTimestamp();
    index.Find(extracted.Text);
    match = Math.Min(match, Stopwatch.GetElapsedTime(t).TotalMilliseconds);
}

Console.WriteLine(string.Create(culture, $"knowledge base: {actors:N0} actors, {entries.Count:N0} names ({keys.Count:N0} distinct folded), weak names left out: {index.WeakAliasCount:N0}"));
Console.WriteLine(string.Create(culture, $"build: automaton {build.TotalMilliseconds:F0} ms, baseline (fold into a HashSet) {baselineBuild.TotalMilliseconds:F0} ms, x{build / baselineBuild:F1}; managed heap +{heapIndex / 1048576.0:F1} MiB (targets <= 2000 ms, <= 100 MB)"));
Console.WriteLine(string.Create(culture, $"5,000 words ({small.Length:N0} chars, {smallTimes.Found} names): suggestions {smallTimes.Ours:F2} ms, n-gram baseline {smallTimes.Baseline:F2} ms, x{smallTimes.Ours / smallTimes.Baseline:F2} (target <= 20 ms)"));
Console.WriteLine(string.Create(culture, $"5 MB ({large.Length:N0} chars, {largeTimes.Found:N0} names): suggestions {largeTimes.Ours:F0} ms, n-gram baseline {largeTimes.Baseline:F0} ms, x{largeTimes.Ours / largeTimes.Baseline:F2} (target <= 1000 ms)"));
Console.WriteLine(string.Create(culture, $"ingest: watchlist matching {match:F2} ms against extracting the same article {extract:F2} ms: +{100 * match / extract:F0}% of extraction (target <= 10% of ingest)"));
