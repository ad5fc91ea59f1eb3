using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using NewsDesk.Web.Data.Records;

namespace NewsDesk.Web.Pages;

/// <summary>
/// A page that merges another record into this one (actors, incidents): the editor picks the other record, the
/// merge runs (<see cref="RecordMerger"/>), and the survivor's page opens. A refused merge shows why on the form.
/// The other record is chosen with the type-ahead picker (js/forms/record-form.js) searching on the server, so the page
/// never lists all 20,000 actors; the select carries only the record chosen so far.
/// </summary>
public abstract class MergePageModel : PageModel
{
    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    [BindProperty]
    public int? MergedId { get; set; }

    /// <summary>What the record is called in messages ("actor", "incident").</summary>
    protected abstract string Noun { get; }

    /// <summary>The record's display name, or null when there is no such record.</summary>
    protected abstract Task<string?> FindNameAsync(int id, CancellationToken cancellationToken);

    /// <summary>The option for the record chosen so far (after a refused merge), or none.</summary>
    public IReadOnlyList<SelectListItem> Chosen { get; private set; } = [];

    protected abstract Task<MergeResult> MergeAsync(int survivorId, int mergedId, CancellationToken cancellationToken);

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
            ModelState.AddModelError(nameof(MergedId), $"Choose the {Noun} to merge into this one.");
            return Page();
        }

        var result = await MergeAsync(id, MergedId.Value, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(MergedId), result.Error!);
            return Page();
        }

        return RedirectToPage("Details", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await FindNameAsync(id, cancellationToken) is not { } name)
        {
            return false;
        }

        Id = id;
        Name = name;
        Chosen = MergedId is { } chosen && await FindNameAsync(chosen, cancellationToken) is { } chosenName
            ? [new SelectListItem(chosenName, chosen.ToString(System.Globalization.CultureInfo.InvariantCulture), selected: true)]
            : [];
        return true;
    }
}
