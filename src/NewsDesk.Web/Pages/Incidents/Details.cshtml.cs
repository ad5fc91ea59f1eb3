using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Records;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Pages.Incidents;

/// <summary>One incident: its details, the articles reporting it, and the claims about it with competing kinds side by side.</summary>
public class DetailsModel(NewsDeskDbContext db) : PageModel
{
    public Incident Incident { get; private set; } = null!;
    public IReadOnlyList<ArticleRow> Articles { get; private set; } = [];
    public IReadOnlyList<KwicLine> Mentions { get; private set; } = [];

    /// <summary>Claims by kind, in the order analysts compare them: responsibility next to denial, then the rest.</summary>
    public IReadOnlyList<ClaimColumn> ClaimColumns { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.AsNoTracking().Include(i => i.Actors).ThenInclude(r => r.Actor)
            .AsSplitQuery().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (incident is null)
        {
            return NotFound();
        }

        Incident = incident;
        Articles = await db.Articles.AsNoTracking().Where(a => a.Mentions.Any(m => m.IncidentId == id))
            .OrderBy(a => a.PublishedAt).ThenBy(a => a.Id)
            .Select(a => new ArticleRow(a.Id, a.Title, a.SiteName, a.PublishedAt, a.Mentions.Count(m => m.IncidentId == id), a.Source != null ? a.Source.Scale : null))
            .ToListAsync(cancellationToken);
        Mentions = await db.Mentions.AsNoTracking().Where(m => m.IncidentId == id).SelectKwic().Take(200).ToListAsync(cancellationToken);
        var claims = await db.Claims.AsNoTracking().Where(c => c.IncidentId == id)
            .Select(c => new ClaimRow(c.Id, c.Text, c.Kind, c.Claimant != null ? c.Claimant.Name : null, c.RelayedBy != null ? c.RelayedBy.Name : null,
                c.ClaimDate, c.Assessment, c.AssessmentNote, c.Claimant != null ? c.Claimant.Reliability : null, c.Credibility))
            .ToListAsync(cancellationToken);
        ClaimKind[] order = [ClaimKind.Responsibility, ClaimKind.Denial, ClaimKind.Accusation, ClaimKind.CasualtyFigure, ClaimKind.Threat, ClaimKind.Other];
        ClaimColumns = [.. order.Select(kind => new ClaimColumn(kind, [.. claims.Where(c => c.Kind == kind).OrderBy(c => c.Date)]))
            .Where(c => c.Claims.Count > 0 || c.Kind is ClaimKind.Responsibility or ClaimKind.Denial)];
        return Page();
    }

    /// <summary>ACLED's source scale as incidents.csv writes it: from the reporting sources, else the one typed on the incident.</summary>
    public string? SourceScale => SourceScales.Combined(Articles.Select(a => a.Scale)) ?? Incident.SourceScale;

    public IEnumerable<Actor> ActorsIn(IncidentRole role) => Incident.Actors.Where(r => r.Role == role).Select(r => r.Actor!).OrderBy(a => a.Name);

    public sealed record ArticleRow(int Id, string Title, string? SiteName, DateTime? PublishedAt, int MentionCount, SourceScale? Scale);

    public sealed record ClaimRow(
        int Id, string Text, ClaimKind Kind, string? Claimant, string? RelayedBy, DateOnly? Date, ClaimAssessment Assessment, string? AssessmentNote,
        SourceReliability? ClaimantReliability, InformationCredibility? Credibility);

    public sealed record ClaimColumn(ClaimKind Kind, IReadOnlyList<ClaimRow> Claims);
}
