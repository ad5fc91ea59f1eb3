using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Records;

namespace NewsDesk.Web.Pages.Incidents;

/// <summary>Merges another incident into this one: its mentions, claims and actors move here, its title is kept in the notes.</summary>
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
            ModelState.AddModelError(nameof(MergedId), "Choose the incident to merge into this one.");
            return Page();
        }

        var result = await merger.MergeIncidentsAsync(id, MergedId.Value, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(MergedId), result.Error!);
            return Page();
        }

        return RedirectToPage("Details", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var name = await db.Incidents.Where(i => i.Id == id).Select(i => i.Title).FirstOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return false;
        }

        Id = id;
        Name = name;
        Others = (await db.Incidents.AsNoTracking().Where(i => i.Id != id).OrderByDescending(i => i.Date).Select(i => new { i.Id, i.Title }).ToListAsync(cancellationToken))
            .Select(i => new SelectListItem(i.Title, i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        return true;
    }
}
