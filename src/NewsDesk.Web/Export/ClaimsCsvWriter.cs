using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Export;

/// <summary>
/// claims.csv, shaped like schema.org ClaimReview: the claim reviewed, its author (claimant), the outlet relaying it,
/// the review (reviewer, date, rating with its scale, URL) and where it appeared, earliest first, among the
/// selection's articles. claims.jsonld holds the same claims as ClaimReview JSON-LD.
/// </summary>
public sealed class ClaimsCsvWriter : IExportTableWriter
{
    public string FileName => "claims.csv";

    public IReadOnlyList<string> Columns(ExportFormat format) =>
    [
        "id", "claim_text", "claimant", "claimant_id", "relaying_outlet", "relaying_outlet_id", "kind", "incident_id",
        "claim_date", "assessment", "assessment_note", "first_appearance_url", "appearance_urls",
        "reviewer", "review_date", "rating_value", "best_rating", "worst_rating", "review_url",
        "credibility", "claimant_reliability", "relaying_outlet_reliability", "admiralty_grade",
    ];

    public async Task WriteRowsAsync(ExportScope scope, ExportFormat format, CsvTableWriter csv, CancellationToken cancellationToken)
    {
        await foreach (var batch in ClaimRows.ReadAsync(scope, cancellationToken))
        {
            foreach (var (row, urls) in batch)
            {
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
                csv.Text(row.Reviewer ?? scope.Links.ReviewerName);
                csv.Cell(CsvCells.Date(row.ReviewDate));
                csv.Number(ClaimReviewRating.Value(row.Assessment));
                csv.Number(ClaimReviewRating.Best);
                csv.Number(ClaimReviewRating.Worst);
                csv.Text(scope.Links.Claim(row.Id));
                csv.Number(row.Credibility?.Digit());
                csv.Cell(row.ClaimantReliability?.Letter() ?? "");
                csv.Cell(row.RelayedByReliability?.Letter() ?? "");
                csv.Cell(AdmiraltyGrades.Code(row.ClaimantReliability, row.Credibility) ?? "");
                await csv.EndRowAsync(cancellationToken);
            }
        }
    }
}

/// <summary>A claim as claims.csv and claims.jsonld write it.</summary>
public sealed record ClaimRow(
    int Id, string Text, int? ClaimantId, string? ClaimantName, ActorKind? ClaimantKind, int? RelayedById, string? RelayedByName,
    ClaimKind Kind, int? IncidentId, string? IncidentTitle, DateOnly? ClaimDate, ClaimAssessment Assessment, string? AssessmentNote,
    string? Reviewer, DateOnly ReviewDate, InformationCredibility? Credibility, SourceReliability? ClaimantReliability,
    SourceReliability? RelayedByReliability);

/// <summary>Reads the scope's claims a batch at a time, each with the URLs of the selection's articles that mention it, earliest first.</summary>
public static class ClaimRows
{
    public static async IAsyncEnumerable<List<(ClaimRow Row, List<string> Urls)>> ReadAsync(
        ExportScope scope, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var mentions = scope.Mentions;
        var batches = RecordBatches.ReadAsync((await scope.ClaimsAsync(cancellationToken)).AsNoTracking(), c => c.Id, c => new
        {
            c.Id,
            c.Text,
            c.ClaimantId,
            ClaimantName = c.Claimant!.Name,
            ClaimantKind = (ActorKind?)c.Claimant.Kind,
            ClaimantReliability = c.Claimant.Reliability,
            c.RelayedById,
            RelayedByName = c.RelayedBy!.Name,
            RelayedByReliability = c.RelayedBy.Reliability,
            c.Kind,
            c.IncidentId,
            IncidentTitle = c.Incident!.Title,
            c.ClaimDate,
            c.Assessment,
            c.AssessmentNote,
            c.Reviewer,
            c.ReviewDate,
            c.UpdatedAt,
            c.Credibility,
        },
            r => r.Id, cancellationToken);
        await foreach (var batch in batches.WithCancellation(cancellationToken))
        {
            var ids = batch.Select(r => (int?)r.Id).ToArray();
            var appearances = (await mentions
                    .Where(m => ids.Contains(m.ClaimId))
                    .Select(m => new { ClaimId = m.ClaimId!.Value, m.ArticleId, m.Article!.Url, m.Article.PublishedAt })
                    .Distinct()
                    .OrderBy(x => x.PublishedAt == null).ThenBy(x => x.PublishedAt).ThenBy(x => x.ArticleId)
                    .ToListAsync(cancellationToken))
                .ToLookup(x => x.ClaimId, x => x.Url);
            yield return [.. batch.Select(c => (
                new ClaimRow(c.Id, c.Text, c.ClaimantId, c.ClaimantName, c.ClaimantKind, c.RelayedById, c.RelayedByName, c.Kind,
                    c.IncidentId, c.IncidentTitle, c.ClaimDate, c.Assessment, c.AssessmentNote, c.Reviewer,
                    c.ReviewDate ?? DateOnly.FromDateTime(c.UpdatedAt), c.Credibility, c.ClaimantReliability, c.RelayedByReliability),
                appearances[c.Id].ToList()))];
        }
    }
}
