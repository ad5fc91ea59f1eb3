using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Records;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Pages.Claims;

/// <summary>The claims, searchable by text and by claimant name or alias.</summary>
public class IndexModel(NewsDeskDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<Row> Claims { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Claims = await db.Claims.AsNoTracking().Matching(Q).Take(200)
            .Select(c => new Row(c.Id, c.Text, c.Kind, c.Claimant != null ? c.Claimant.Name : null, c.Claimant != null ? c.Claimant.Reliability : null,
                c.Incident != null ? c.Incident.Title : null, c.ClaimDate, c.Assessment, c.Credibility, c.Mentions.Count))
            .ToListAsync(cancellationToken);
    }

    public sealed record Row(
        int Id, string Text, ClaimKind Kind, string? Claimant, SourceReliability? ClaimantReliability, string? Incident, DateOnly? Date,
        ClaimAssessment Assessment, InformationCredibility? Credibility, int MentionCount);
}
