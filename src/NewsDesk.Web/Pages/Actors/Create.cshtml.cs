using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Pages.Actors;

/// <summary>Creates an actor.</summary>
public class CreateModel(NewsDeskDbContext db) : PageModel
{
    [BindProperty]
    public ActorForm Form { get; set; } = new();

    public IReadOnlyList<SelectListItem> ActorOptions { get; private set; } = [];

    public async Task OnGetAsync(string? name, CancellationToken cancellationToken)
    {
        Form = new ActorForm { Name = name ?? "" }.WithBlankRows();
        ActorOptions = await ActorForm.OptionsAsync(db, null, Form, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await ModelState.RequireActorsAsync(db, "Affiliations", Form.Affiliations.Select(l => l.ActorId), cancellationToken);
        if (!ModelState.IsValid)
        {
            ActorOptions = await ActorForm.OptionsAsync(db, null, Form, cancellationToken);
            return Page();
        }

        var actor = new Actor { Name = Form.Name };
        Form.ApplyTo(actor, 0);
        db.Actors.Add(actor);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("Details", new { id = actor.Id });
    }
}
