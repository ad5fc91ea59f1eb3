using System.Diagnostics;
using System.Text.Json;

namespace NewsDesk.Web.Tests.Evidence;

/// <summary>
/// Webrecorder's warcio (the npm port of the reference implementation), run by node on a WARC file: an independent
/// reader of the captures. Installs its pinned version (tests/interop/warc/package-lock.json) with <c>npm ci</c>
/// the first time.
/// </summary>
public static class Warcio
{
    private static readonly SemaphoreSlim _install = new(1, 1);

    public sealed record Record(
        string Type,
        Dictionary<string, string> WarcHeaders,
        string? HttpStatusLine,
        List<List<string>>? HttpHeaders,
        string PayloadBase64,
        string PayloadSha256)
    {
        public byte[] Payload => Convert.FromBase64String(PayloadBase64);

        public string Header(string name) => WarcHeaders.First(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
    }

    /// <summary>Every record of the file, or of the bytes [offset, offset + length) when given.</summary>
    public static async Task<IReadOnlyList<Record>> ReadAsync(string warcFile, long? offset = null, long? length = null)
    {
        var folder = await EnsureInstalledAsync();
        List<string> arguments = [Path.Combine(folder, "read-warc.mjs"), warcFile];
        if (offset is not null)
        {
            arguments.AddRange([offset.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), length!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        var (exit, output, error) = await RunAsync("node", arguments, folder);
        if (exit != 0)
        {
            throw new InvalidOperationException($"warcio could not read {warcFile}: {error}");
        }

        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonSerializer.Deserialize<Record>(line, options)!)];
    }

    private static async Task<string> EnsureInstalledAsync()
    {
        var folder = Path.Combine(Repository.Root, "tests", "interop", "warc");
        await _install.WaitAsync();
        try
        {
            if (!File.Exists(Path.Combine(folder, "node_modules", "warcio", "package.json")))
            {
                var (exit, _, error) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], folder);
                if (exit != 0)
                {
                    throw new InvalidOperationException($"npm ci in {folder} failed (node and npm with access to the npm registry are needed): {error}");
                }
            }
        }
        finally
        {
            _install.Release();
        }

        return folder;
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string program, IEnumerable<string> arguments, string folder)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} could not be started (is it installed?)");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await output, await error);
    }
}

/// <summary>The repository checkout the tests were built from (found by walking up to NewsDesk.sln).</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NewsDesk.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No NewsDesk.sln above {AppContext.BaseDirectory}");
    }
}
