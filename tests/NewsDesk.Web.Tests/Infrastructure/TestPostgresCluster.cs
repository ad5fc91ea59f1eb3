using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace NewsDesk.Web.Tests.Infrastructure;

/// <summary>
/// A throw-away PostgreSQL cluster made by <c>.ci/postgres</c> (Debian's server binaries) in a temporary folder on a
/// free loopback port. <see cref="Shared"/> is the one the tests use when <c>NEWSDESK_TEST_PG</c> names no server:
/// started the first time a test needs PostgreSQL, stopped when the test process exits, so <c>dotnet test</c> needs
/// no set-up on a machine that has the binaries and says what to install on one that has not. A test that stops the
/// server under a running app makes a cluster of its own (<see cref="StartOwn"/>).
/// </summary>
public sealed class TestPostgresCluster : IDisposable
{
    private static readonly Lazy<TestPostgresCluster> _shared = new(() => StartOwn(stopAtExit: true), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _script;
    private readonly string _folder;
    private readonly int _port;

    private TestPostgresCluster(string script, string folder, int port, string connectionString)
    {
        (_script, _folder, _port, ConnectionString) = (script, folder, port, connectionString);
    }

    /// <summary>The cluster shared by this test process (started on first use).</summary>
    public static TestPostgresCluster Shared => _shared.Value;

    /// <summary>The connection string without a database.</summary>
    public string ConnectionString { get; }

    public static TestPostgresCluster StartOwn(bool stopAtExit = false)
    {
        var script = RepositoryFile(Path.Combine(".ci", "postgres"));
        if (!Directory.Exists("/usr/lib/postgresql") || !Directory.EnumerateFiles("/usr/lib/postgresql", "initdb", SearchOption.AllDirectories).Any())
        {
            throw new InvalidOperationException(
                "The PostgreSQL tests need a server: install Debian's postgresql package (apt-get install -y postgresql) so that they start their own, " +
                "or set NEWSDESK_TEST_PG to a server's connection string (Host=...;Port=...;Username=...).");
        }

        // Not a TestDirectory: those are deleted at exit in no set order, and the server must stop first.
        var folder = Directory.CreateTempSubdirectory("newsdesk-pg-").FullName;
        var port = FreePort();
        var started = Run(script, "start", folder, port.ToString(CultureInfo.InvariantCulture));
        var cluster = new TestPostgresCluster(script, folder, port, started.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1]);
        if (stopAtExit)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Dispose();
        }

        return cluster;
    }

    /// <summary>Stops the server (fast shutdown: open connections are cut, as when a server goes down).</summary>
    public void Stop() => Run(_script, "stop", _folder);

    /// <summary>Starts a stopped server again on the same port and data.</summary>
    public void Start() => Run(_script, "start", _folder, _port.ToString(CultureInfo.InvariantCulture));

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            Stop();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        TestDirectory.TryDelete(_folder);
    }

    private static string Run(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        return process.ExitCode == 0
            ? output.Result
            : throw new InvalidOperationException($".ci/postgres {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}{output.Result}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A file of the repository the tests were built from (they run from tests/…/bin/…).</summary>
    private static string RepositoryFile(string relative)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"{relative} was not found above {AppContext.BaseDirectory}.");
    }
}
