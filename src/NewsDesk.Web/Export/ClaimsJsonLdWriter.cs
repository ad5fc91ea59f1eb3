using System.Text.Json;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Export;

/// <summary>
/// claims.jsonld: each claim as a schema.org ClaimReview (JSON-LD, one @graph under the schema.org context):
/// claimReviewed, the reviewed Claim with its author, date and appearances, the reviewRating on
/// <see cref="ClaimReviewRating"/>'s scale, the review's author, date and URL (the claim's NewsDesk page).
/// Text values get the same formula guard as CSV cells, since spreadsheets import JSON too.
/// </summary>
public sealed class ClaimsJsonLdWriter : IExportDocumentWriter
{
    public string FileName => "claims.jsonld";

    public string ContentType => "application/ld+json; charset=utf-8";

    public async Task<int> WriteAsync(ExportScope scope, Stream output, CancellationToken cancellationToken)
    {
        var count = 0;
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("@context", "https://schema.org");
        json.WriteStartArray("@graph");
        await foreach (var batch in ClaimRows.ReadAsync(scope, cancellationToken))
        {
            foreach (var (claim, urls) in batch)
            {
                WriteClaimReview(json, scope.Links, claim, urls);
                count++;
            }

            await json.FlushAsync(cancellationToken);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
        return count;
    }

    private static void WriteClaimReview(Utf8JsonWriter json, ExportLinks links, ClaimRow claim, List<string> urls)
    {
        var url = links.Claim(claim.Id);
        json.WriteStartObject();
        json.WriteString("@type", "ClaimReview");
        json.WriteString("@id", url);
        json.WriteString("url", url);
        json.WriteNumber("identifier", claim.Id);
        json.WriteString("claimReviewed", CsvCells.Guarded(claim.Text));
        json.WriteString("datePublished", CsvCells.Date(claim.ReviewDate));
        json.WriteStartObject("author");
        json.WriteString("@type", "Organization");
        json.WriteString("name", CsvCells.Guarded(claim.Reviewer ?? links.ReviewerName));
        json.WriteEndObject();

        json.WriteStartObject("reviewRating");
        json.WriteString("@type", "Rating");
        json.WriteNumber("ratingValue", ClaimReviewRating.Value(claim.Assessment));
        json.WriteNumber("bestRating", ClaimReviewRating.Best);
        json.WriteNumber("worstRating", ClaimReviewRating.Worst);
        json.WriteString("alternateName", claim.Assessment.ToString());
        if (claim.AssessmentNote is { } note)
        {
            json.WriteString("ratingExplanation", CsvCells.Guarded(note));
        }

        json.WriteEndObject();

        json.WriteStartObject("itemReviewed");
        json.WriteString("@type", "Claim");
        if (claim.ClaimantId is { } claimantId)
        {
            json.WriteStartObject("author");
            json.WriteString("@type", claim.ClaimantKind == ActorKind.Person ? "Person" : "Organization");
            json.WriteString("@id", links.Actor(claimantId));
            json.WriteString("name", CsvCells.Guarded(claim.ClaimantName));
            json.WriteEndObject();
        }

        if (claim.ClaimDate is { } date)
        {
            json.WriteString("datePublished", CsvCells.Date(date));
        }

        if (urls.Count > 0)
        {
            json.WriteStartObject("firstAppearance");
            json.WriteString("@type", "CreativeWork");
            json.WriteString("url", urls[0]);
            json.WriteEndObject();
        }

        json.WriteStartArray("appearance");
        foreach (var appearance in urls)
        {
            json.WriteStartObject();
            json.WriteString("@type", "CreativeWork");
            json.WriteString("url", appearance);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (claim.IncidentId is { } incidentId)
        {
            json.WriteStartObject("about");
            json.WriteString("@type", "Event");
            json.WriteString("@id", links.Incident(incidentId));
            json.WriteString("name", CsvCells.Guarded(claim.IncidentTitle));
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}
