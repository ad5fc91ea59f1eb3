using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Timeline;

/// <summary>Incidents grouped into day or week buckets, for the timeline picture.</summary>
public sealed class IncidentTimeline(NewsDeskDbContext db)
{
    /// <summary>Above this many days the automatic granularity switches from days to weeks.</summary>
    public const int MaxDailySpan = 120;

    public async Task<TimelineData> BuildAsync(TimelineFilter filter, CancellationToken cancellationToken)
    {
        var incidents = db.Incidents.AsNoTracking().Where(i => i.Date != null)
            .Matching(filter.Actor, filter.Country, filter.From, filter.To);

        var rows = await incidents
            .OrderBy(i => i.Date).ThenBy(i => i.Id)
            .Select(i => new TimelineIncident(i.Id, i.Title, i.Date!.Value, i.DatePrecision, i.Type, i.Country, i.Fatalities))
            .ToListAsync(cancellationToken);

        var granularity = filter.By ?? (rows.Count > 0 && rows[^1].Date.DayNumber - rows[0].Date.DayNumber > MaxDailySpan
            ? TimelineGranularity.Week
            : TimelineGranularity.Day);
        var buckets = rows
            .GroupBy(i => BucketStart(i.Date, granularity))
            .Select(g => new TimelineBucket(g.Key, g.ToList()))
            .ToList();
        return new TimelineData(granularity, buckets);
    }

    /// <summary>The first day of the bucket a date falls in: the day itself, or the Monday of its ISO week.</summary>
    public static DateOnly BucketStart(DateOnly date, TimelineGranularity granularity) => granularity == TimelineGranularity.Day
        ? date
        : date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    public static string Label(DateOnly start, TimelineGranularity granularity) => granularity == TimelineGranularity.Day
        ? start.ToString("d MMM yyyy", CultureInfo.InvariantCulture)
        : $"week of {start.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";
}

public enum TimelineGranularity
{
    Day,
    Week,
}

/// <summary>What the timeline shows; every field comes from the URL.</summary>
public sealed record TimelineFilter(int? Actor, string? Country, DateOnly? From, DateOnly? To, TimelineGranularity? By);

public sealed record TimelineIncident(int Id, string Title, DateOnly Date, DatePrecision Precision, IncidentType? Type, string? Country, int? Fatalities);

public sealed record TimelineBucket(DateOnly Start, IReadOnlyList<TimelineIncident> Incidents);

public sealed record TimelineData(TimelineGranularity Granularity, IReadOnlyList<TimelineBucket> Buckets)
{
    public int IncidentCount => Buckets.Sum(b => b.Incidents.Count);
}
