using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Pages.Incidents;

/// <summary>Creates an incident.</summary>
public class CreateModel(NewsDeskDbContext db) : PageModel
{
    [BindProperty]
    public IncidentForm Form { get; set; } = new();

    public IReadOnlyList<SelectListItem> ActorOptions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        ActorOptions = await IncidentForm.ActorOptionsAsync(db, Form, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await ModelState.RequireActorsAsync(db, "Perpetrators", Form.PerpetratorIds.Select(i => (int?)i), cancellationToken);
        await ModelState.RequireActorsAsync(db, "Targets", Form.TargetIds.Select(i => (int?)i), cancellationToken);
        await Form.ValidateAsync(ModelState, db, cancellationToken);
        if (!ModelState.IsValid)
        {
            ActorOptions = await IncidentForm.ActorOptionsAsync(db, Form, cancellationToken);
            return Page();
        }

        var incident = new Incident { Title = Form.Title };
        Form.ApplyTo(incident);
        db.Incidents.Add(incident);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("Details", new { id = incident.Id });
    }
}
