using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Export;

/// <summary>
/// incidents.csv, shaped like an ACLED event row (same column names and wording), plus NewsDesk's provenance:
/// which outlets and articles of the selection report the incident.
/// </summary>
public sealed class IncidentsCsvWriter : IExportTableWriter
{
    public string FileName => "incidents.csv";

    public IReadOnlyList<string> Columns(ExportFormat format) =>
    [
        "id", "event_date", "time_precision", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "actor2", "assoc_actor_2",
        "country", "admin1", "location", "latitude", "longitude", "geo_precision", "fatalities", "status", "notes",
        "title", "actor1_ids", "actor2_ids", "source", "article_urls", "reporting_articles",
    ];

    /// <summary>ACLED's wording of its event types.</summary>
    public static string EventType(IncidentType? type) => type switch
    {
        IncidentType.Battles => "Battles",
        IncidentType.ExplosionsRemoteViolence => "Explosions/Remote violence",
        IncidentType.ViolenceAgainstCivilians => "Violence against civilians",
        IncidentType.Protests => "Protests",
        IncidentType.Riots => "Riots",
        IncidentType.StrategicDevelopments => "Strategic developments",
        _ => "",
    };

    /// <summary>ACLED time precision: 1 the day is known, 2 within about a week, 3 only the month or less.</summary>
    public static int? TimePrecision(DateOnly? date, DatePrecision precision) => date is null ? null : precision switch
    {
        DatePrecision.Day or DatePrecision.Minute => 1,
        DatePrecision.Approximate => 2,
        _ => 3,
    };

    public async Task WriteRowsAsync(ExportScope scope, ExportFormat format, CsvTableWriter csv, CancellationToken cancellationToken)
    {
        var mentions = scope.Mentions;
        var batches = RecordBatches.ReadAsync(scope.Incidents.AsNoTracking(), i => i.Id, i => new Row(
                i.Id, i.Title, i.Date, i.DatePrecision, i.Type, i.SubType, i.Country, i.Admin1, i.Location,
                i.Latitude, i.Longitude, i.GeoPrecision, i.Fatalities, i.Status, i.Notes),
            r => r.Id, cancellationToken);
        await foreach (var batch in batches)
        {
            var ids = batch.Select(r => (int?)r.Id).ToArray();
            var actors = (await scope.Db.IncidentActors.AsNoTracking()
                    .Where(x => ids.Contains(x.IncidentId)).OrderBy(x => x.ActorId)
                    .Select(x => new { x.IncidentId, x.ActorId, x.Actor!.Name, x.Role }).ToListAsync(cancellationToken))
                .ToLookup(x => (x.IncidentId, x.Role));
            var reports = (await mentions
                    .Where(m => ids.Contains(m.IncidentId))
                    .Select(m => new { IncidentId = m.IncidentId!.Value, m.ArticleId, m.Article!.Url, m.Article.SiteName, m.Article.PublishedAt })
                    .Distinct()
                    .OrderBy(x => x.PublishedAt == null).ThenBy(x => x.PublishedAt).ThenBy(x => x.ArticleId)
                    .ToListAsync(cancellationToken))
                .ToLookup(x => x.IncidentId);

            foreach (var row in batch)
            {
                var perpetrators = actors[(row.Id, IncidentRole.Perpetrator)].ToList();
                var targets = actors[(row.Id, IncidentRole.Target)].ToList();
                var articles = reports[row.Id].ToList();
                csv.Number(row.Id);
                csv.Cell(CsvCells.Date(row.Date));
                csv.Number(TimePrecision(row.Date, row.DatePrecision));
                csv.Cell(EventType(row.Type));
                csv.Text(row.SubType);
                csv.Text(perpetrators.FirstOrDefault()?.Name);
                csv.Cell(CsvCells.Joined(perpetrators.Skip(1).Select(a => a.Name)));
                csv.Text(targets.FirstOrDefault()?.Name);
                csv.Cell(CsvCells.Joined(targets.Skip(1).Select(a => a.Name)));
                csv.Text(row.Country);
                csv.Text(row.Admin1);
                csv.Text(row.Location);
                csv.Number(row.Latitude);
                csv.Number(row.Longitude);
                csv.Number(row.GeoPrecision);
                csv.Number(row.Fatalities);
                csv.Cell(row.Status.ToString());
                csv.Text(row.Notes);
                csv.Text(row.Title);
                csv.Cell(string.Join("; ", perpetrators.Select(a => CsvCells.Number(a.ActorId))));
                csv.Cell(string.Join("; ", targets.Select(a => CsvCells.Number(a.ActorId))));
                csv.Cell(CsvCells.Joined(articles.Select(a => a.SiteName).Distinct()));
                csv.Cell(CsvCells.Joined(articles.Select(a => a.Url)));
                csv.Number(articles.Count);
                await csv.EndRowAsync(cancellationToken);
            }
        }
    }

    private sealed record Row(
        int Id, string Title, DateOnly? Date, DatePrecision DatePrecision, IncidentType? Type, string? SubType,
        string? Country, string? Admin1, string? Location, double? Latitude, double? Longitude, int? GeoPrecision,
        int? Fatalities, IncidentStatus Status, string? Notes);
}
