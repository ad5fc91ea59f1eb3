using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Records;
using NewsDesk.Web.Domain;

// One SQLite file through the app's migrations with N actors (names of two to four words, two aliases each), then
// 500 queries (the first 2 to 8 characters of a random word of a random name) answered these ways, in this run:
// - baseline: the search the app had before, LIKE '%q%' over names and aliases ranked exact / prefix / other in SQL;
// - index: ActorNameIndex.SearchAsync and loading the 8 actors it names, as /api/actors does;
// - after another save (a collection): the save pipeline told the index nothing about actors, so it reads nothing;
// - after an actor was added through the app: the journal of actor changes names it, the index patches it in;
// - the store check another process's write costs (two aggregate queries; what every save cost before this change);
// - an actor added by another process: the store check, every actor's version and alias ids compared, one patched in;
// - a full build (the first search, and what every actor change cost before this change; measured 5 times).
// Saves go through the app's own save pipeline, told of this StoreVersion as in the app; "another process" is a context without it.
var culture = CultureInfo.InvariantCulture;
var arguments = args.Where(a => a != "--").ToArray(); // dotnet run may pass its separator on
var path = arguments.Length > 0 ? arguments[0] : "typeahead.db";
var count = arguments.Length > 1 ? int.Parse(arguments[1], culture) : 20_000;
foreach (var file in new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists))
{
    File.Delete(file);
}

var external = new CountedExternalChanges();
var version = new StoreVersion(external);
var plain = new DbContextOptionsBuilder<NewsDeskDbContext>().UseSqlite($"Data Source={path}").Options;
NewsDeskDbContext Open()
{
    var db = new NewsDeskDbContext(plain);
    db.UseFor(new StoreContextUse(null, TimeProvider.System, version));
    return db;
}

NewsDeskDbContext OpenElsewhere() => new(plain);

var random = new Random(15);
string[] words = ["Brigade", "Front", "Forces", "Popular", "Mobilization", "Resistance", "Islamic", "National", "Liberation", "Army", "Movement",
    "Hezbollah", "Kataib", "Ansar", "Allah", "Saraya", "Jaysh", "Liwa", "Asaib", "Ahl", "Haq", "Martyrs", "Revolutionary", "Guard", "Council",
    "Union", "Party", "Democratic", "Unity", "Shield", "Falcons", "Lions", "Sons", "Tribes", "Coalition", "Alliance", "Sûreté", "Générale"];
string Name(int i) => string.Join(' ', Enumerable.Range(0, random.Next(2, 5)).Select(_ => words[random.Next(words.Length)])) + " " + i.ToString(culture);

await using (var db = Open())
{
    await db.Database.MigrateAsync();
    db.Actors.AddRange(Enumerable.Range(1, count).Select(i => new Actor
    {
        Name = Name(i),
        Aliases = [new ActorAlias { Name = Name(i) }, new ActorAlias { Name = $"A{i.ToString(culture)}" }],
    }));
    await db.SaveChangesAsync();
}

string[] names;
await using (var db = Open())
{
    names = [.. await db.Actors.AsNoTracking().Select(a => a.Name).ToListAsync()];
}

var queries = Enumerable.Range(0, 500).Select(_ =>
{
    var parts = names[random.Next(names.Length)].Split(' ');
    var word = parts[random.Next(parts.Length)];
    return word[..Math.Min(word.Length, random.Next(2, 9))];
}).ToArray();

var index = new ActorNameIndex(version);

var baseline = await MeasureAsync(queries, async (db, q) => (await LikeSearch(db.Actors.AsNoTracking(), q).Take(8).Select(a => a.Name).ToListAsync()).Count);
var ours = await MeasureAsync(queries, async (db, q) =>
{
    var ids = (await index.SearchAsync(db, q, 8, CancellationToken.None)).ToList();
    return (await db.Actors.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => a.Name).ToListAsync()).Count;
});
var otherSave = await MeasureAsync(queries.Take(100).ToArray(), async (db, q) =>
{
    await using var writer = Open();
    writer.Collections.Add(new Collection { Name = "Saved meanwhile " + Guid.NewGuid().ToString("N") });
    await writer.SaveChangesAsync();
    return 0;
}, async (db, q) => (await index.SearchAsync(db, q, 8, CancellationToken.None)).Count);
var patched = await MeasureAsync(queries.Take(100).ToArray(), async (db, q) =>
{
    await using var writer = Open();
    writer.Actors.Add(new Actor { Name = "Changed " + q, Aliases = [new ActorAlias { Name = "Alias of changed " + q }] });
    await writer.SaveChangesAsync();
    return 0;
}, async (db, q) => (await index.SearchAsync(db, q, 8, CancellationToken.None)).Count);
var checkedStore = await MeasureAsync(queries.Take(100).ToArray(), async (db, q) =>
{
    await using var writer = OpenElsewhere();
    writer.Collections.Add(new Collection { Name = "Saved elsewhere " + Guid.NewGuid().ToString("N") });
    await writer.SaveChangesAsync();
    external.Seen();
    return 0;
}, async (db, q) => (await index.SearchAsync(db, q, 8, CancellationToken.None)).Count);
var patchedElsewhere = await MeasureAsync(queries.Take(20).ToArray(), async (db, q) =>
{
    await using var writer = OpenElsewhere();
    writer.Actors.Add(new Actor { Name = "Added elsewhere " + q });
    await writer.SaveChangesAsync();
    external.Seen();
    return 0;
}, async (db, q) => (await index.SearchAsync(db, q, 8, CancellationToken.None)).Count);
var builds = await MeasureAsync(queries.Take(5).ToArray(), async (db, q) =>
{
    index.Dispose();
    index = new ActorNameIndex(version);
    return 0;
}, async (db, q) => (await index.SearchAsync(db, q, 8, CancellationToken.None)).Count, warmUp: false);

Console.WriteLine(string.Create(culture, $"actors: {count:N0} with 2 aliases each; {queries.Length} queries of 2-8 characters of a word"));
Console.WriteLine(string.Create(culture, $"baseline LIKE '%q%': p50 {baseline.P50:F2} ms, p99 {baseline.P99:F2} ms, max {baseline.Max:F2} ms"));
Console.WriteLine(string.Create(culture, $"index (search + load 8): p50 {ours.P50:F2} ms, p99 {ours.P99:F2} ms, max {ours.Max:F2} ms; p50 {baseline.P50 / ours.P50:F0}x, p99 {baseline.P99 / ours.P99:F0}x faster (target <= 100 ms)"));
Report("first search after another save (nothing read)", otherSave);
Report("first search after an actor was added here (patch)", patched);
Report("first search after another process saved (store check)", checkedStore);
Report("first search after another process added an actor (check, compare, patch)", patchedElsewhere);
Report("first search of a new index (full build)", builds);

void Report(string what, (double P50, double P99, double Max) times) =>
    Console.WriteLine(string.Create(culture, $"{what}: p50 {times.P50:F2} ms, p99 {times.P99:F2} ms, max {times.Max:F2} ms; p50 {baseline.P50 / times.P50:F1}x the baseline's speed"));

async Task<(double P50, double P99, double Max)> MeasureAsync(
    string[] queries, Func<NewsDeskDbContext, string, Task<int>> before, Func<NewsDeskDbContext, string, Task<int>>? search = null, bool warmUp = true)
{
    // Only the search is timed; "before" is what happens between two searches (a save), or the search itself.
    if (search is null)
    {
        search = before;
        before = (_, _) => Task.FromResult(0);
    }

    await using var db = Open();
    if (warmUp)
    {
        foreach (var q in queries.Take(20))
        {
            await before(db, q);
            await search(db, q);
        }
    }

    var times = new List<double>(queries.Length);
    foreach (var q in queries)
    {
        await before(db, q);
        var t = Stopwatch.GetTimestamp();
        await search(db, q);
        times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
    }

    times.Sort();
    return (times[times.Count / 2], times[Math.Min(times.Count - 1, (int)(times.Count * 0.99))], times[^1]);
}

// The actor search the app had before ActorNameIndex (RecordSearch.Matching at commit 7728371), kept as the baseline.
static IQueryable<Actor> LikeSearch(IQueryable<Actor> actors, string query)
{
    static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
    const string escape = "\\";
    var pattern = $"%{Escape(query.Trim())}%";
    var prefix = $"{Escape(query.Trim())}%";
    var exact = Escape(query.Trim());
    return actors
        .Where(a => EF.Functions.Like(a.Name, pattern, escape) || a.Aliases.Any(al => EF.Functions.Like(al.Name, pattern, escape)))
        .OrderBy(a => EF.Functions.Like(a.Name, exact, escape) ? 0
            : a.Aliases.Any(al => EF.Functions.Like(al.Name, exact, escape)) ? 1
            : EF.Functions.Like(a.Name, prefix, escape) ? 2
            : a.Aliases.Any(al => EF.Functions.Like(al.Name, prefix, escape)) ? 3 : 4)
        .ThenBy(a => a.Name);
}

/// <summary>Another process's writes as the app's file signal reports them, told by the benchmark after each one.</summary>
internal sealed class CountedExternalChanges : IExternalChangeSignal
{
    private long _changes;

    public long Changes => Interlocked.Read(ref _changes);

    public void Seen() => Interlocked.Increment(ref _changes);

    public void Acknowledge()
    {
    }
}
