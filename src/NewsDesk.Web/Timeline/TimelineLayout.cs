using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Timeline;

/// <summary>
/// Geometry of the timeline picture: one column per bucket on a continuous time axis (empty periods keep their
/// space, so gaps read as gaps), one square per incident stacked in its column, coloured by incident type.
/// </summary>
public sealed class TimelineLayout
{
    public const int Cell = 14;
    public const int Gap = 3;
    public const int Left = 40;
    public const int Top = 16;
    public const int AxisHeight = 56;

    public TimelineLayout(TimelineData data)
    {
        Data = data;
        if (data.Buckets.Count == 0)
        {
            return;
        }

        var step = data.Granularity == TimelineGranularity.Day ? 1 : 7;
        var first = data.Buckets[0].Start;
        var last = data.Buckets[^1].Start;
        ColumnCount = ((last.DayNumber - first.DayNumber) / step) + 1;
        MaxStack = data.Buckets.Max(b => b.Incidents.Count);

        foreach (var bucket in data.Buckets)
        {
            var column = (bucket.Start.DayNumber - first.DayNumber) / step;
            var x = Left + (column * (Cell + Gap));
            Columns.Add(new Column(bucket, x));
            for (var row = 0; row < bucket.Incidents.Count; row++)
            {
                var y = Top + ((MaxStack - row - 1) * (Cell + Gap));
                Marks.Add(new Mark(bucket.Incidents[row], x, y, ColourOf(bucket.Incidents[row].Type)));
            }
        }

        // Label about every 8th column so labels never overlap, always including the first and last.
        var every = Math.Max(1, ColumnCount / 8);
        for (var column = 0; column < ColumnCount; column += every)
        {
            Ticks.Add(new Tick(first.AddDays(column * step), Left + (column * (Cell + Gap))));
        }
    }

    public TimelineData Data { get; }
    public int ColumnCount { get; }
    public int MaxStack { get; }
    public List<Column> Columns { get; } = [];
    public List<Mark> Marks { get; } = [];
    public List<Tick> Ticks { get; } = [];

    public int Width => Left + (Math.Max(ColumnCount, 1) * (Cell + Gap)) + 120;
    public int PlotBottom => Top + (Math.Max(MaxStack, 1) * (Cell + Gap));
    public int Height => PlotBottom + AxisHeight;

    /// <summary>Colour per ACLED event type; the legend lists the same pairs.</summary>
    public static IReadOnlyList<(IncidentType? Type, string Name, string Colour)> Legend { get; } =
    [
        (IncidentType.Battles, "Battles", "#d62728"),
        (IncidentType.ExplosionsRemoteViolence, "Explosions/Remote violence", "#ff7f0e"),
        (IncidentType.ViolenceAgainstCivilians, "Violence against civilians", "#9467bd"),
        (IncidentType.Protests, "Protests", "#2ca02c"),
        (IncidentType.Riots, "Riots", "#8c564b"),
        (IncidentType.StrategicDevelopments, "Strategic developments", "#1f77b4"),
        (null, "Type not set", "#7f7f7f"),
    ];

    public static string ColourOf(IncidentType? type) => Legend.First(l => l.Type == type).Colour;

    public sealed record Column(TimelineBucket Bucket, int X);

    public sealed record Mark(TimelineIncident Incident, int X, int Y, string Colour);

    public sealed record Tick(DateOnly Date, int X);
}
