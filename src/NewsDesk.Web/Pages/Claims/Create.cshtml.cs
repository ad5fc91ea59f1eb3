using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Pages.Claims;

/// <summary>Creates a claim.</summary>
public class CreateModel(NewsDeskDbContext db) : PageModel
{
    [BindProperty]
    public ClaimForm Form { get; set; } = new();

    public ClaimForm.Options Choices { get; private set; } = ClaimForm.Options.Empty;

    public async Task OnGetAsync(int? incidentId, CancellationToken cancellationToken)
    {
        Form.IncidentId = incidentId;
        Choices = await ClaimForm.LoadOptionsAsync(db, Form, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await ModelState.RequireActorsAsync(db, "Claimant", [Form.ClaimantId], cancellationToken);
        await ModelState.RequireActorsAsync(db, "Relayed by", [Form.RelayedById], cancellationToken);
        await ModelState.RequireIncidentAsync(db, "About incident", Form.IncidentId, cancellationToken);
        if (!ModelState.IsValid)
        {
            Choices = await ClaimForm.LoadOptionsAsync(db, Form, cancellationToken);
            return Page();
        }

        var claim = new Claim { Text = Form.Text };
        Form.ApplyTo(claim);
        db.Claims.Add(claim);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("Details", new { id = claim.Id });
    }
}
