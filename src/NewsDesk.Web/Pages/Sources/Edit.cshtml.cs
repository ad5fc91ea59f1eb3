using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Pages.Sources;

/// <summary>Edit a source's name, address, kind, interval and whether it is fetched.</summary>
public class EditModel(NewsDeskDbContext db) : PageModel
{
    [BindProperty]
    public EditInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var source = await db.Sources.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (source is null)
        {
            return NotFound();
        }

        Input = new EditInput
        {
            Name = source.Name,
            Url = source.Url,
            Kind = source.Kind,
            FetchIntervalMinutes = source.FetchIntervalMinutes,
            Enabled = source.Enabled,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var source = await db.Sources.FindAsync([id], cancellationToken);
        if (source is null)
        {
            return NotFound();
        }

        if (!CanonicalUrl.TryNormalize(Input.Url, out var url))
        {
            ModelState.AddModelError("Input.Url", "Enter an absolute http:// or https:// address.");
        }
        else if (await db.Sources.AnyAsync(s => s.Url == url && s.Id != id, cancellationToken))
        {
            ModelState.AddModelError("Input.Url", "Another source already has this URL.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (source.Url != url)
        {
            // Validators belong to the old address.
            source.ETag = null;
            source.LastModified = null;
        }

        source.Name = Input.Name.Trim();
        source.Url = url;
        source.Kind = Input.Kind;
        source.FetchIntervalMinutes = Input.FetchIntervalMinutes;
        source.Enabled = Input.Enabled;
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Sources/Details", new { id });
    }

    public sealed class EditInput
    {
        [Required, MaxLength(300)]
        public string Name { get; set; } = "";

        [Required, MaxLength(2048), Display(Name = "URL")]
        public string Url { get; set; } = "";

        public SourceKind Kind { get; set; }

        [Range(1, 10080), Display(Name = "Fetch every (minutes)")]
        public int FetchIntervalMinutes { get; set; } = 60;

        public bool Enabled { get; set; } = true;
    }
}
