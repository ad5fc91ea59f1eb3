using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Operations.CrashSafety;

/// <summary>The app as a server process (web and scraper worker), to be killed with SIGKILL.</summary>
public sealed class CrashingApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lastLines = new();

    private CrashingApp(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>
    /// Completes when the app says it listens; cancelled when its output ends first (it was killed in start-up), so
    /// that nothing waits for a start that cannot come.
    /// </summary>
    public Task StartedTask => _started.Task;

    /// <summary>Waits for <see cref="StartedTask"/>; a start that takes longer fails with what the app last printed.</summary>
    public async Task WaitForStartAsync(TimeSpan limit)
    {
        try
        {
            await StartedTask.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"the app did not start within {limit.TotalSeconds:0} s (process {(_process.HasExited ? "exited" : "still running")}); its last output:\n"
                + string.Join("\n", _lastLines));
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lastLines.Enqueue(line);
        while (_lastLines.Count > 40 && _lastLines.TryDequeue(out _))
        {
        }
    }

    public static Task<CrashingApp> StartAsync(CrashStore store)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "NewsDesk.Web.dll"), "--urls", url.AbsoluteUri.TrimEnd('/'), .. store.Arguments()])
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var app = new CrashingApp(process, url);
        process.OutputDataReceived += (_, line) =>
        {
            app.Keep(line.Data);
            if (line.Data is null)
            {
                app._started.TrySetCanceled();
            }
            else if (line.Data.Contains("Application started", StringComparison.Ordinal))
            {
                app._started.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, line) => app.Keep(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return Task.FromResult(app);
    }

    /// <summary>SIGKILL: no shutdown handler, no flush, no finally block runs in the app.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    /// <summary>The next start after the last kill: <c>scrape --once</c> must finish what the killed runs left.</summary>
    public static async Task ScrapeToTheEndAsync(CrashStore store)
    {
        var run = await AppProcess.RunAsync(["scrape", "--once", .. store.Arguments()], timeout: TimeSpan.FromMinutes(3));
        Assert.True(run.ExitCode == 0, $"scrape --once after the last kill failed ({run.ExitCode}):\n{run.Output}\n{run.Error}");
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
