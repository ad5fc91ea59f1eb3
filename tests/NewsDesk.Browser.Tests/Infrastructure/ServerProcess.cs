using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NewsDesk.Browser.Tests.Infrastructure;

/// <summary>
/// A NewsDesk started the way a person starts it (a command in a shell), reached over loopback. The only things
/// set from outside are where it listens (<c>ASPNETCORE_URLS</c>) and whatever the caller passes; the environment
/// variables that would change how the app behaves (an ASP.NET environment name) are removed, so it runs in
/// Production as on a fresh machine.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>Everything the process printed so far (standard output and error), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the command on a free loopback port and waits until /healthz answers (a build may come first).</summary>
    public static async Task<ServerProcess> StartAsync(string program, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null, TimeSpan? startTimeout = null)
    {
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var start = CleanStartInfo(program, arguments, workingDirectory);
        start.Environment["ASPNETCORE_URLS"] = baseUrl;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var server = new ServerProcess(process, baseUrl);
        process.OutputDataReceived += (_, line) => server.Append(line.Data);
        process.ErrorDataReceived += (_, line) => server.Append(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilHealthyAsync(startTimeout ?? TimeSpan.FromMinutes(10));
        return server;
    }

    /// <summary>Runs a command to its end (a clone, a publish); fails with its output when it does not succeed.</summary>
    public static async Task<string> RunToEndAsync(string program, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        using var process = new Process { StartInfo = CleanStartInfo(program, arguments, workingDirectory) };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.ErrorDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', process.StartInfo.ArgumentList)} took longer than {timeout}:\n{output}");
        }

        lock (output)
        {
            return process.ExitCode == 0
                ? output.ToString()
                : throw new InvalidOperationException($"{program} {string.Join(' ', process.StartInfo.ArgumentList)} exited with {process.ExitCode}:\n{output}");
        }
    }

    private static ProcessStartInfo CleanStartInfo(string program, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // What `dotnet test` and CI put into this process's environment is not what a user's shell has: no ASP.NET
        // environment name (so Production), no MSBuild settings of the test run's own build.
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) || key.StartsWith("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || key.StartsWith("NewsDesk", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(key);
            }
        }

        // A build inside a test must not leave MSBuild nodes or compiler servers behind on a shared machine (they
        // would also hold this process's output pipes open). This changes how the build runs, not what it builds.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        return start;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {_process.ExitCode} before it served:\n{Output}");
            }

            try
            {
                var response = await http.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(500);
        }

        _process.Kill(entireProcessTree: true);
        throw new TimeoutException($"The app did not answer /healthz within {timeout}:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
