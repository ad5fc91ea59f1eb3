using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Records;
using NewsDesk.Web.Domain;

// One SQLite file through the app's migrations with N actors (names of two to four words, two aliases each), then
// 500 queries (the first 2 to 8 characters of a random word of a random name) answered three ways, in this run:
// - baseline: the search the app had before, LIKE '%q%' over names and aliases ranked exact / prefix / other in SQL;
// - index: ActorNameIndex.SearchAsync and loading the 8 actors it names, as /api/actors does;
// - rebuild: the first search after an actor changed, which rebuilds the index (measured 20 times).
var culture = CultureInfo.InvariantCulture;
var arguments = args.Where(a => a != "--").ToArray(); // dotnet run may pass its separator on
var path = arguments.Length > 0 ? arguments[0] : "typeahead.db";
var count = arguments.Length > 1 ? int.Parse(arguments[1], culture) : 20_000;
foreach (var file in new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists))
{
    File.Delete(file);
}

var options = new DbContextOptionsBuilder<NewsDeskDbContext>().UseSqlite($"Data Source={path}").Options;
NewsDeskDbContext Open() => new(options, TimeProvider.System);

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

var version = new StoreVersion();
var index = new ActorNameIndex(version);

var baseline = await MeasureAsync(queries, async (db, q) => (await LikeSearch(db.Actors.AsNoTracking(), q).Take(8).Select(a => a.Name).ToListAsync()).Count);
var ours = await MeasureAsync(queries, async (db, q) =>
{
    var ids = (await index.SearchAsync(db, q, 8, CancellationToken.None)).ToList();
    return (await db.Actors.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => a.Name).ToListAsync()).Count;
});
var rebuilds = await MeasureAsync(queries.Take(20).ToArray(), async (db, q) =>
{
    // Another actor changed: the store version moves and the fingerprint differs, so this search rebuilds.
    db.Actors.Add(new Actor { Name = "Changed " + q });
    await db.SaveChangesAsync();
    version.Bump();
    var found = (await index.SearchAsync(db, q, 8, CancellationToken.None)).Count;
    return found;
}, warmUp: false);
var unchanged = await MeasureAsync(queries.Take(100).ToArray(), async (db, q) =>
{
    // The store changed elsewhere (a mention): only the fingerprint is read again.
    version.Bump();
    return (await index.SearchAsync(db, q, 8, CancellationToken.None)).Count;
});

Console.WriteLine(string.Create(culture, $"actors: {count:N0} with 2 aliases each; {queries.Length} queries of 2-8 characters of a word"));
Console.WriteLine(string.Create(culture, $"baseline LIKE '%q%': p50 {baseline.P50:F2} ms, p99 {baseline.P99:F2} ms, max {baseline.Max:F2} ms"));
Console.WriteLine(string.Create(culture, $"index (search + load 8): p50 {ours.P50:F2} ms, p99 {ours.P99:F2} ms, max {ours.Max:F2} ms; p50 {baseline.P50 / ours.P50:F0}x, p99 {baseline.P99 / ours.P99:F0}x faster (target <= 100 ms)"));
Console.WriteLine(string.Create(culture, $"index after another save (fingerprint only): p50 {unchanged.P50:F2} ms, p99 {unchanged.P99:F2} ms"));
Console.WriteLine(string.Create(culture, $"index after an actor changed (add + rebuild + search): p50 {rebuilds.P50:F2} ms, max {rebuilds.Max:F2} ms"));

async Task<(double P50, double P99, double Max)> MeasureAsync(string[] queries, Func<NewsDeskDbContext, string, Task<int>> search, bool warmUp = true)
{
    await using var db = Open();
    if (warmUp)
    {
        foreach (var q in queries.Take(20))
        {
            await search(db, q);
        }
    }

    var times = new List<double>(queries.Length);
    foreach (var q in queries)
    {
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
