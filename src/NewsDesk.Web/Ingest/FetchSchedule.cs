using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Ingest;

/// <summary>When a source is looked at next: its own interval, doubled per consecutive error, clamped to the bounds.</summary>
public static class FetchSchedule
{
    private const int MaxBackoffDoublings = 8;

    public static DateTime Next(Source source, DateTime now, IngestOptions options, TimeSpan? retryAfter = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        var interval = TimeSpan.FromMinutes(Math.Max(1, source.FetchIntervalMinutes));
        if (source.ConsecutiveErrors > 0)
        {
            interval *= Math.Pow(2, Math.Min(source.ConsecutiveErrors, MaxBackoffDoublings));
        }

        if (interval < options.MinFetchInterval)
        {
            interval = options.MinFetchInterval;
        }

        if (interval > options.MaxFetchInterval)
        {
            interval = options.MaxFetchInterval;
        }

        // A server that asked for a pause gets it, even beyond the usual maximum.
        if (retryAfter is { } wait && wait > interval)
        {
            interval = wait;
        }

        return now + interval;
    }
}
