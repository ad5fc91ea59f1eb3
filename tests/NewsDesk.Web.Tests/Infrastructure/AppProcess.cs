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

    /// <summary>The connection-string argument pointing a verb at a database file.</summary>
    public static string Database(string path) => $"--ConnectionStrings:NewsDesk=Data Source={path}";
}
