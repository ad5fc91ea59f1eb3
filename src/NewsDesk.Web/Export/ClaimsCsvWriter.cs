using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Export;

/// <summary>
/// claims.csv, shaped like schema.org ClaimReview: the claim reviewed, its author (claimant), the outlet relaying it,
/// the rating (assessment) and where it appeared, earliest first, among the selection's articles.
/// </summary>
public sealed class ClaimsCsvWriter : IExportTableWriter
{
    public string FileName => "claims.csv";

    public IReadOnlyList<string> Columns(ExportFormat format) =>
    [
        "id", "claim_text", "claimant", "claimant_id", "relaying_outlet", "relaying_outlet_id", "kind", "incident_id",
        "claim_date", "assessment", "assessment_note", "first_appearance_url", "appearance_urls",
    ];

    public async Task WriteRowsAsync(ExportScope scope, ExportFormat format, CsvTableWriter csv, CancellationToken cancellationToken)
    {
        var mentions = scope.Mentions;
        var batches = RecordBatches.ReadAsync(scope.Claims.AsNoTracking(), c => c.Id, c => new Row(
                c.Id, c.Text, c.ClaimantId, c.Claimant!.Name, c.RelayedById, c.RelayedBy!.Name, c.Kind, c.IncidentId,
                c.ClaimDate, c.Assessment, c.AssessmentNote),
            r => r.Id, cancellationToken);
        await foreach (var batch in batches)
        {
            var ids = batch.Select(r => (int?)r.Id).ToArray();
            var appearances = (await mentions
                    .Where(m => ids.Contains(m.ClaimId))
                    .Select(m => new { ClaimId = m.ClaimId!.Value, m.ArticleId, m.Article!.Url, m.Article.PublishedAt })
                    .Distinct()
                    .OrderBy(x => x.PublishedAt == null).ThenBy(x => x.PublishedAt).ThenBy(x => x.ArticleId)
                    .ToListAsync(cancellationToken))
                .ToLookup(x => x.ClaimId, x => x.Url);

            foreach (var row in batch)
            {
                var urls = appearances[row.Id].ToList();
                csv.Number(row.Id);
                csv.Text(row.Text);
                csv.Text(row.ClaimantName);
                csv.Number(row.ClaimantId);
                csv.Text(row.RelayedByName);
                csv.Number(row.RelayedById);
                csv.Cell(row.Kind.ToString());
                csv.Number(row.IncidentId);
                csv.Cell(CsvCells.Date(row.ClaimDate));
                csv.Cell(row.Assessment.ToString());
                csv.Text(row.AssessmentNote);
                csv.Text(urls.FirstOrDefault());
                csv.Cell(CsvCells.Joined(urls));
                await csv.EndRowAsync(cancellationToken);
            }
        }
    }

    private sealed record Row(
        int Id, string Text, int? ClaimantId, string? ClaimantName, int? RelayedById, string? RelayedByName,
        ClaimKind Kind, int? IncidentId, DateOnly? ClaimDate, ClaimAssessment Assessment, string? AssessmentNote);
}
