using System.Diagnostics;

namespace NewsDesk.Web.Tests.Infrastructure;

/// <summary>Runs the built app executable with a verb, as a script or cron job would.</summary>
public static class AppProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Task<Result> RunAsync(IEnumerable<string> arguments, string? standardInput = null, TimeSpan? timeout = null) =>
        RunProgramAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "NewsDesk.Web.dll"), .. arguments], standardInput, timeout);

    /// <summary>Runs any program from the test's folder (e.g. a wrapper around the app).</summary>
    public static async Task<Result> RunProgramAsync(string program, IEnumerable<string> arguments, string? standardInput = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
        }

        process.StandardInput.Close();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>
    /// Starts the app (a server) and stops it once its output shows <paramref name="marker"/>; returns what it printed.
    /// Fails when it exits or times out first.
    /// </summary>
    public static async Task<Result> RunUntilAsync(IEnumerable<string> arguments, string marker, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "NewsDesk.Web.dll"), .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        var output = new System.Text.StringBuilder();
        var error = new System.Text.StringBuilder();
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) =>
        {
            lock (output)
            {
                output.AppendLine(line.Data);
            }

            if (line.Data?.Contains(marker, StringComparison.Ordinal) == true)
            {
                seen.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            lock (error)
            {
                error.AppendLine(line.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var finished = await Task.WhenAny(seen.Task, process.WaitForExitAsync(), Task.Delay(timeout));
        var exitedFirst = finished != seen.Task;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        lock (output)
        {
            return exitedFirst
                ? throw new InvalidOperationException($"The app never printed \"{marker}\":\n{output}\n{error}")
                : new Result(0, output.ToString(), error.ToString());
        }
    }

    /// <summary>The connection-string argument pointing a verb at a database file.</summary>
    public static string Database(string path) => $"--ConnectionStrings:NewsDesk=Data Source={path}";
}
