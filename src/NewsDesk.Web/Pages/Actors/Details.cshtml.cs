using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Records;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Pages.Actors;

/// <summary>One actor: aliases, affiliations, mentions across articles in context, incidents and claims.</summary>
public class DetailsModel(NewsDeskDbContext db) : PageModel
{
    private const int MentionLimit = 500;

    public Actor Actor { get; private set; } = null!;
    public IReadOnlyList<LinkRow> AffiliatedWith { get; private set; } = [];
    public IReadOnlyList<LinkRow> AffiliatesOfIt { get; private set; } = [];
    public IReadOnlyList<KwicLine> Mentions { get; private set; } = [];
    public int MentionCount { get; private set; }
    public IReadOnlyList<IncidentRow> Incidents { get; private set; } = [];
    public IReadOnlyList<ClaimRow> Claims { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var actor = await db.Actors.AsNoTracking().Include(a => a.Aliases).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (actor is null)
        {
            return NotFound();
        }

        Actor = actor;
        AffiliatedWith = await db.ActorAffiliations.AsNoTracking().Where(l => l.ActorId == id)
            .Select(l => new LinkRow(l.AffiliateId, l.Affiliate!.Name, l.Relation)).ToListAsync(cancellationToken);
        AffiliatesOfIt = await db.ActorAffiliations.AsNoTracking().Where(l => l.AffiliateId == id)
            .Select(l => new LinkRow(l.ActorId, l.Actor!.Name, l.Relation)).ToListAsync(cancellationToken);
        MentionCount = await db.Mentions.CountAsync(m => m.ActorId == id, cancellationToken);
        Mentions = await db.Mentions.AsNoTracking().Where(m => m.ActorId == id).SelectKwic().Take(MentionLimit).ToListAsync(cancellationToken);
        Incidents = await db.IncidentActors.AsNoTracking().Where(r => r.ActorId == id)
            .OrderByDescending(r => r.Incident!.Date)
            .Select(r => new IncidentRow(r.IncidentId, r.Incident!.Title, r.Incident.Date, r.Incident.DatePrecision, r.Role)).ToListAsync(cancellationToken);
        Claims = await db.Claims.AsNoTracking().Where(c => c.ClaimantId == id || c.RelayedById == id)
            .OrderByDescending(c => c.ClaimDate)
            .Select(c => new ClaimRow(c.Id, c.Text, c.Kind, c.Assessment, c.ClaimantId == id ? "made" : "relayed")).ToListAsync(cancellationToken);
        return Page();
    }

    public sealed record LinkRow(int ActorId, string Name, string? Relation);

    public sealed record IncidentRow(int Id, string Title, DateOnly? Date, DatePrecision DatePrecision, IncidentRole Role);

    public sealed record ClaimRow(int Id, string Text, ClaimKind Kind, ClaimAssessment Assessment, string Part);
}
