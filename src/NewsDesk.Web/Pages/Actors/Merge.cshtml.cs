using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Records;

namespace NewsDesk.Web.Pages.Actors;

/// <summary>Merges another actor into this one: its mentions and links move here, its names become aliases.</summary>
public class MergeModel(NewsDeskDbContext db, RecordMerger merger) : PageModel
{
    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public IReadOnlyList<SelectListItem> Others { get; private set; } = [];

    [BindProperty]
    public int? MergedId { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (MergedId is null)
        {
            ModelState.AddModelError(nameof(MergedId), "Choose the actor to merge into this one.");
            return Page();
        }

        var result = await merger.MergeActorsAsync(id, MergedId.Value, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(MergedId), result.Error!);
            return Page();
        }

        return RedirectToPage("Details", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var name = await db.Actors.Where(a => a.Id == id).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return false;
        }

        Id = id;
        Name = name;
        Others = await ActorForm.OptionsAsync(db, id, cancellationToken);
        return true;
    }
}
