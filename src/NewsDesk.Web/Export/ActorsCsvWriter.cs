using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Export;

/// <summary>actors.csv: each actor the exported mentions point to, with its aliases, affiliations and counts.</summary>
public sealed class ActorsCsvWriter : IExportTableWriter
{
    public string FileName => "actors.csv";

    public IReadOnlyList<string> Columns(ExportFormat format) =>
    [
        "id", "name", "aliases", "kind", "country", "affiliations", "affiliation_ids", "external_id", "description",
        "mention_count", "article_count", "inter_code", "reliability",
    ];

    public async Task WriteRowsAsync(ExportScope scope, ExportFormat format, CsvTableWriter csv, CancellationToken cancellationToken)
    {
        var mentions = scope.Mentions;
        var batches = RecordBatches.ReadAsync((await scope.ActorsAsync(cancellationToken)).AsNoTracking(), a => a.Id, a => new Row(
                a.Id, a.Name, a.Kind, a.AcledType, a.Country, a.ExternalId, a.Description, a.Reliability,
                mentions.Count(m => m.ActorId == a.Id),
                mentions.Where(m => m.ActorId == a.Id).Select(m => m.ArticleId).Distinct().Count()),
            r => r.Id, cancellationToken);
        await foreach (var batch in batches)
        {
            var ids = batch.Select(r => r.Id).ToArray();
            var aliases = (await scope.Db.ActorAliases.AsNoTracking()
                    .Where(x => ids.Contains(x.ActorId)).OrderBy(x => x.Name).ThenBy(x => x.Id)
                    .Select(x => new { x.ActorId, x.Name }).ToListAsync(cancellationToken))
                .ToLookup(x => x.ActorId, x => x.Name);
            var affiliations = (await scope.Db.ActorAffiliations.AsNoTracking()
                    .Where(x => ids.Contains(x.ActorId)).OrderBy(x => x.AffiliateId)
                    .Select(x => new { x.ActorId, x.AffiliateId, x.Affiliate!.Name, x.Relation }).ToListAsync(cancellationToken))
                .ToLookup(x => x.ActorId);

            foreach (var row in batch)
            {
                csv.Number(row.Id);
                csv.Text(row.Name);
                csv.Cell(CsvCells.Joined(aliases[row.Id]));
                csv.Cell(row.Kind.ToString());
                csv.Text(row.Country);
                csv.Cell(CsvCells.Joined(affiliations[row.Id].Select(x => x.Relation is null ? x.Name : $"{x.Name} ({x.Relation})")));
                csv.Cell(string.Join("; ", affiliations[row.Id].Select(x => CsvCells.Number(x.AffiliateId))));
                csv.Text(row.ExternalId);
                csv.Text(row.Description);
                csv.Number(row.MentionCount);
                csv.Number(row.ArticleCount);
                csv.Number(Acled.InterCode(row.AcledType, row.Kind));
                csv.Cell(row.Reliability?.Letter() ?? "");
                await csv.EndRowAsync(cancellationToken);
            }
        }
    }

    private sealed record Row(
        int Id, string Name, ActorKind Kind, AcledActorType? AcledType, string? Country, string? ExternalId, string? Description,
        SourceReliability? Reliability, int MentionCount, int ArticleCount);
}
