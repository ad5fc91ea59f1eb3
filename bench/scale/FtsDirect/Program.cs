// Times the search page's queries run directly: the baseline for the search target. They are the SQL the app sends
// (copied from its EF Core command log): rank the matches, then the page's rows, then their snippets.
// Usage: FtsDirect DB QUERY [RUNS]  (SQLite file)  |  FtsDirect --postgres CONNECTION QUERY [RUNS]
// Prints {"p50": ms, "p95": ms, "cpu": ms}: cpu is this process's CPU time per search (the driver's side; on
// PostgreSQL run.sh adds the server's, measured around this run).
using System.Diagnostics;
using System.Globalization;
using FtsDirect;

if (args.Length < 2 || (args[0] == "--postgres" && args.Length < 3))
{
    Console.Error.WriteLine("usage: FtsDirect DB QUERY [RUNS] | FtsDirect --postgres CONNECTION QUERY [RUNS]");
    return 2;
}

var postgres = args[0] == "--postgres";
var rest = postgres ? args[1..] : args;
var runs = rest.Length > 2 ? int.Parse(rest[2], CultureInfo.InvariantCulture) : 300;
using ISearchStatements statements = postgres ? new PostgresStatements(rest[0], rest[1]) : new SqliteStatements(rest[0], rest[1]);
var times = new List<double>();
var cpu = Process.GetCurrentProcess().TotalProcessorTime;
for (var i = 0; i < runs + 20; i++)
{
    var clock = Stopwatch.StartNew();
    var ids = statements.Rank();
    var page = ids.Take(20).ToArray();
    statements.Rows(page);
    statements.Snippets(page);
    if (i >= 20)
    {
        times.Add(clock.Elapsed.TotalMilliseconds);
    }
}

cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
times.Sort();
var p50 = times[times.Count / 2];
var p95 = times[(int)(times.Count * 0.95) - 1];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $$"""{"p50": {{p50:F2}}, "p95": {{p95:F2}}, "runs": {{runs + 20}}, "cpu": {{cpu.TotalMilliseconds / (runs + 20):F2}}}"""));
return 0;
