using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Places;

namespace NewsDesk.Web.Export;

/// <summary>
/// incidents.csv: ACLED's 31 event columns in ACLED's order, with ACLED's meanings and codes, then NewsDesk's own
/// columns: UCDP-style date range and death counts (low/best/high, by side), the ids behind the names, and which
/// outlets and articles of the selection report the incident.
/// </summary>
public sealed class IncidentsCsvWriter : IExportTableWriter
{
    public string FileName => "incidents.csv";

    /// <summary>NewsDesk's columns after ACLED's.</summary>
    public static IReadOnlyList<string> NewsDeskColumns { get; } =
    [
        "id", "title", "status", "date_start", "date_end", "fatalities_low", "fatalities_high",
        "deaths_perpetrator_side", "deaths_target_side", "deaths_civilians", "deaths_unknown",
        "actor1_id", "assoc_actor_1_ids", "actor2_id", "assoc_actor_2_ids",
        "other_perpetrators", "other_perpetrator_ids", "other_targets", "other_target_ids",
        "claim_ids", "article_urls", "reporting_articles",
    ];

    public IReadOnlyList<string> Columns(ExportFormat format) => [.. Acled.Columns, .. NewsDeskColumns];

    /// <summary>ACLED's wording of its event types.</summary>
    public static string EventType(IncidentType? type) => Acled.EventType(type);

    public async Task WriteRowsAsync(ExportScope scope, ExportFormat format, CsvTableWriter csv, CancellationToken cancellationToken)
    {
        var mentions = scope.Mentions;
        var exportedClaims = await scope.ClaimsAsync(cancellationToken);
        var batches = RecordBatches.ReadAsync((await scope.IncidentsAsync(cancellationToken)).AsNoTracking(), i => i.Id, i => new Row(i), r => r.Incident.Id, cancellationToken);
        await foreach (var batch in batches)
        {
            var ids = batch.Select(r => r.Incident.Id).ToArray();
            var roles = await IncidentRoles.ReadAsync(scope.Db, ids, cancellationToken);
            var nullableIds = batch.Select(r => (int?)r.Incident.Id).ToArray();
            var reports = (await mentions
                    .Where(m => nullableIds.Contains(m.IncidentId))
                    .Select(m => new { IncidentId = m.IncidentId!.Value, m.ArticleId, m.Article!.Url, m.Article.SiteName, m.Article.PublishedAt, Scale = m.Article.Source!.Scale })
                    .Distinct()
                    .OrderBy(x => x.PublishedAt == null).ThenBy(x => x.PublishedAt).ThenBy(x => x.ArticleId)
                    .ToListAsync(cancellationToken))
                .ToLookup(x => x.IncidentId);
            var claims = (await exportedClaims.AsNoTracking().Where(c => nullableIds.Contains(c.IncidentId)).OrderBy(c => c.Id)
                    .Select(c => new { IncidentId = c.IncidentId!.Value, c.Id }).ToListAsync(cancellationToken))
                .ToLookup(c => c.IncidentId, c => c.Id);

            foreach (var row in batch)
            {
                var i = row.Incident;
                var sides = roles.Of(i.Id);
                var articles = reports[i.Id].ToList();
                var country = Countries.Find(i.Country);
                var inter1 = sides.Actor1 is { } a1 ? Acled.InterCode(a1.AcledType, a1.Kind) : null;
                int? inter2 = sides.Actor2 is { } a2 ? Acled.InterCode(a2.AcledType, a2.Kind) : sides.Actor1 is null ? null : 0;

                csv.Cell(Acled.EventIdCnty(country, i.Id));
                csv.Cell(CsvCells.Date(i.Date));
                csv.Number(i.Date?.Year);
                csv.Number(Acled.TimePrecision(i.Date, i.DatePrecision));
                csv.Cell(Acled.DisorderType(i.Type, i.SubType));
                csv.Cell(Acled.EventType(i.Type));
                csv.Text(i.SubType);
                csv.Text(sides.Actor1?.Name);
                csv.Cell(CsvCells.Joined(sides.Actor1Associates.Select(a => a.Name)));
                csv.Number(inter1);
                csv.Text(sides.Actor2?.Name);
                csv.Cell(CsvCells.Joined(sides.Actor2Associates.Select(a => a.Name)));
                csv.Number(inter2);
                csv.Number(Acled.Interaction(inter1, inter2));
                csv.Cell(i.CivilianTargeting ? Acled.CivilianTargeting : "");
                csv.Number(country?.Numeric);
                csv.Cell(country?.Region ?? "");
                csv.Text(i.Country);
                csv.Text(i.Admin1);
                csv.Text(i.Admin2);
                csv.Text(i.Admin3);
                csv.Text(i.Location);
                csv.Number(i.Latitude);
                csv.Number(i.Longitude);
                csv.Number(i.GeoPrecision);
                csv.Cell(CsvCells.Joined(articles.Select(a => a.SiteName).Distinct()));
                csv.Text(SourceScales.Combined(articles.Select(a => a.Scale)) ?? i.SourceScale);
                csv.Text(i.Notes);
                csv.Number(i.Fatalities);
                csv.Text(i.Tags);
                csv.Number(Acled.Timestamp(i.UpdatedAt));

                csv.Number(i.Id);
                csv.Text(i.Title);
                csv.Cell(i.Status.ToString());
                csv.Cell(CsvCells.Date(i.Date));
                csv.Cell(CsvCells.Date(i.DateEnd ?? i.Date));
                csv.Number(i.FatalitiesLow);
                csv.Number(i.FatalitiesHigh);
                csv.Number(i.DeathsPerpetratorSide);
                csv.Number(i.DeathsTargetSide);
                csv.Number(i.DeathsCivilians);
                csv.Number(i.DeathsUnknown);
                csv.Number(sides.Actor1?.Id);
                csv.Cell(CsvCells.Ids(sides.Actor1Associates.Select(a => a.Id)));
                csv.Number(sides.Actor2?.Id);
                csv.Cell(CsvCells.Ids(sides.Actor2Associates.Select(a => a.Id)));
                csv.Cell(CsvCells.Joined(sides.OtherPerpetrators.Select(a => a.Name)));
                csv.Cell(CsvCells.Ids(sides.OtherPerpetrators.Select(a => a.Id)));
                csv.Cell(CsvCells.Joined(sides.OtherTargets.Select(a => a.Name)));
                csv.Cell(CsvCells.Ids(sides.OtherTargets.Select(a => a.Id)));
                csv.Cell(CsvCells.Ids(claims[i.Id]));
                csv.Cell(CsvCells.Joined(articles.Select(a => a.Url)));
                csv.Number(articles.Count);
                await csv.EndRowAsync(cancellationToken);
            }
        }
    }

    // The entity itself, untracked: every scalar column is written, so projecting them one by one buys nothing.
    private sealed record Row(Incident Incident);
}
