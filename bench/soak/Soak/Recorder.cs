using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Soak;

/// <summary>Every request's latency and outcome, by endpoint: what the report's percentiles and error counts come from.</summary>
public sealed class Recorder
{
    /// <summary>The status recorded for a Chromium step that timed out: not an answer of the server's, counted apart.</summary>
    public const int Unfinished = -1;

    /// <summary>A browser step whose page sent no request at all (a tag the page itself refused): no server answer was due.</summary>
    public const int NotSent = -2;

    private readonly ConcurrentDictionary<string, Endpoint> _endpoints = new();

    public sealed class Endpoint
    {
        public ConcurrentQueue<double> Milliseconds { get; } = new();
        public ConcurrentDictionary<int, int> Statuses { get; } = new();
        public ConcurrentQueue<string> Failures { get; } = new();
    }

    /// <summary>Sends a request, times it to the last byte of the body, and records the status (0: no answer).</summary>
    public async Task<(HttpResponseMessage? Response, string Body)> SendAsync(string endpoint, HttpClient client, Func<HttpRequestMessage> request, CancellationToken stop)
    {
        var entry = _endpoints.GetOrAdd(endpoint, _ => new Endpoint());
        var clock = Stopwatch.StartNew();
        try
        {
            using var message = request();
            var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, stop);
            var body = await response.Content.ReadAsStringAsync(stop);
            entry.Milliseconds.Enqueue(clock.Elapsed.TotalMilliseconds);
            entry.Statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            if ((int)response.StatusCode >= 500)
            {
                entry.Failures.Enqueue($"{(int)response.StatusCode} {message.Method} {message.RequestUri}: {body[..Math.Min(body.Length, 300)]}");
            }

            return (response, body);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return (null, "");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            entry.Statuses.AddOrUpdate(0, 1, (_, n) => n + 1);
            entry.Failures.Enqueue($"no answer from {endpoint}: {ex.GetType().Name} {ex.Message}");
            return (null, "");
        }
    }

    /// <summary>Records a measurement made elsewhere (a Chromium step).</summary>
    public void Add(string endpoint, double milliseconds, int status, string? failure = null)
    {
        var entry = _endpoints.GetOrAdd(endpoint, _ => new Endpoint());
        entry.Milliseconds.Enqueue(milliseconds);
        entry.Statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
        if (failure is not null)
        {
            entry.Failures.Enqueue(failure);
        }
    }

    public int ServerErrors => _endpoints.Values.Sum(e => e.Statuses.Where(s => s.Key >= 500 || s.Key == 0).Sum(s => s.Value));

    public int UnfinishedSteps => _endpoints.Values.Sum(e => e.Statuses.GetValueOrDefault(Unfinished));

    public long Requests => _endpoints.Values.Sum(e => e.Statuses.Values.Sum());

    /// <summary>A Markdown table: requests, statuses, p50/p95/p99/max per endpoint, then the first failures.</summary>
    public string Report()
    {
        var text = new StringBuilder("| endpoint | requests | statuses | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|---|\n");
        foreach (var (name, entry) in _endpoints.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var sorted = entry.Milliseconds.Order().ToArray();
            var statuses = string.Join(" ", entry.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key switch { 0 => "none", Unfinished => "unfinished", NotSent => "not sent", _ => s.Key.ToString(CultureInfo.InvariantCulture) }}:{s.Value}"));
            text.Append(CultureInfo.InvariantCulture,
                $"| {name} | {entry.Statuses.Values.Sum()} | {statuses} | {Percentile(sorted, 0.50):0.0} | {Percentile(sorted, 0.95):0.0} | {Percentile(sorted, 0.99):0.0} | {(sorted.Length == 0 ? 0 : sorted[^1]):0.0} |\n");
        }

        foreach (var failure in _endpoints.Values.SelectMany(e => e.Failures).Take(20))
        {
            text.Append("- ").Append(failure).Append('\n');
        }

        return text.ToString();
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
