using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Records;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Pages.Claims;

/// <summary>One claim: who asserts it, who relays it, about what, how far we believe it, and where it appears.</summary>
public class DetailsModel(NewsDeskDbContext db) : PageModel
{
    public Claim Claim { get; private set; } = null!;
    public IReadOnlyList<KwicLine> Mentions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var claim = await db.Claims.AsNoTracking().Include(c => c.Claimant).Include(c => c.RelayedBy).Include(c => c.Incident)
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (claim is null)
        {
            return NotFound();
        }

        Claim = claim;
        Mentions = await db.Mentions.AsNoTracking().Where(m => m.ClaimId == id).SelectKwic().Take(200).ToListAsync(cancellationToken);
        return Page();
    }
}
