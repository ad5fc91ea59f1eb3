using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Pages.Collections;

/// <summary>The collections: each with its progress, and a form to create one.</summary>
public class IndexModel(NewsDeskDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<CollectionRow> Collections { get; private set; } = [];

    [BindProperty]
    public CreateForm Form { get; set; } = new();

    [TempData]
    public string? Status { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var name = CollectionNames.Normalise(Form.Name);
        if (ModelState.IsValid && await CollectionNames.IsTakenAsync(db, name, exceptId: null, cancellationToken))
        {
            ModelState.AddModelError("Form.Name", CollectionNames.TakenMessage(name));
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var collection = new Collection
        {
            Name = name,
            Description = string.IsNullOrWhiteSpace(Form.Description) ? null : Form.Description.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = User.Identity?.Name,
            Version = 1,
        };
        db.Collections.Add(collection);
        await db.SaveChangesAsync(cancellationToken);
        Status = $"Collection “{collection.Name}” created.";
        return RedirectToPage("/Collections/Details", new { id = collection.Id });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Collections = await db.Collections.AsNoTracking()
            .OrderBy(c => c.Name)
            .Select(c => new CollectionRow(
                c.Id, c.Name, c.Description,
                c.Articles.Count,
                c.Articles.Count(ca => ca.Article!.Mentions.Count > 0)))
            .ToListAsync(cancellationToken);
    }

    public sealed record CollectionRow(int Id, string Name, string? Description, int ArticleCount, int AnnotatedCount);

    public sealed class CreateForm
    {
        [Required(ErrorMessage = "Give the collection a name.")]
        [StringLength(CollectionNames.MaxLength, ErrorMessage = "A name has at most {1} characters.")]
        [Display(Name = "Name")]
        public string Name { get; set; } = "";

        [StringLength(4000)]
        public string? Description { get; set; }
    }
}
