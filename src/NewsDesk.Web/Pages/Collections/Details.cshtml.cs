using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Auditing;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Pages.Collections;

/// <summary>One collection: its articles and how many are annotated; rename, delete, remove articles.</summary>
public class DetailsModel(NewsDeskDbContext db) : PageModel
{
    public Collection Collection { get; private set; } = null!;
    public IReadOnlyList<ArticleRow> Articles { get; private set; } = [];
    public int AnnotatedCount => Articles.Count(a => a.MentionCount > 0);

    [BindProperty]
    public RenameForm Rename { get; set; } = new();

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Rename.Name = Collection.Name;
        Rename.Version = Collection.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostRenameAsync(int id, CancellationToken cancellationToken)
    {
        var collection = await db.Collections.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (collection is null)
        {
            return NotFound();
        }

        var name = CollectionNames.Normalise(Rename.Name);
        if (ModelState.IsValid && await CollectionNames.IsTakenAsync(db, name, exceptId: id, cancellationToken))
        {
            ModelState.AddModelError("Rename.Name", CollectionNames.TakenMessage(name));
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        if (collection.Version != Rename.Version)
        {
            return await ConflictPageAsync(id, cancellationToken);
        }

        // The version the editor saw is the one the UPDATE must still find, or EF throws.
        db.Entry(collection).Property(c => c.Version).OriginalValue = Rename.Version;
        var oldName = collection.Name;
        collection.Name = name;
        collection.Version = Rename.Version + 1;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await ConflictPageAsync(id, cancellationToken);
        }

        Status = $"Renamed “{oldName}” to “{name}”.";
        return RedirectToPage(new { id });
    }

    /// <summary>Set when a rename lost the race: what the collection is called now, and who changed it.</summary>
    public string? Conflict { get; private set; }

    /// <summary>The changes saved by others since the version the rename form was loaded at.</summary>
    public IReadOnlyList<AuditEntry> TheirChanges { get; private set; } = [];

    private async Task<IActionResult> ConflictPageAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        TheirChanges = await ConflictHistory.SinceAsync(db, "Collection", id, Rename.Version, cancellationToken);
        Conflict = $"Someone else changed this collection while you were renaming it (you started from version {Rename.Version}; "
            + $"it is now at version {Collection.Version} and is called \u201c{Collection.Name}\u201d). Nothing was overwritten. "
            + "Rename again if you still mean to.";
        ModelState.AddModelError(string.Empty, Conflict);

        // The form now starts from their version, so a deliberate second try goes through.
        ModelState.Remove("Rename.Version");
        Rename.Version = Collection.Version;
        return Page();
    }

    /// <summary>
    /// Deletes the collection and its memberships; the articles themselves stay. The memberships are loaded so the
    /// change tracker deletes them (not the database's cascade) and the audit log keeps which articles were in it.
    /// </summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var collection = await db.Collections.Include(c => c.Articles).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (collection is null)
        {
            return NotFound();
        }

        db.Collections.Remove(collection);
        await db.SaveChangesAsync(cancellationToken);
        TempData[nameof(IndexModel.Status)] = $"Collection “{collection.Name}” deleted; its articles are still in NewsDesk.";
        return RedirectToPage("/Collections/Index");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var collection = await db.Collections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (collection is null)
        {
            return false;
        }

        Collection = collection;
        Articles = await db.CollectionArticles.AsNoTracking()
            .Where(ca => ca.CollectionId == id)
            .OrderByDescending(ca => ca.Article!.PublishedAt ?? ca.Article.FetchedAt).ThenByDescending(ca => ca.ArticleId)
            .Select(ca => new ArticleRow(
                ca.ArticleId, ca.Article!.Title, ca.Article.SiteName,
                new PublishedDate(ca.Article.PublishedAt, ca.Article.PublishedUtcOffsetMinutes, ca.Article.PublishedPrecision),
                ca.Article.Mentions.Count))
            .ToListAsync(cancellationToken);
        return true;
    }

    public sealed record ArticleRow(int Id, string Title, string? SiteName, PublishedDate Published, int MentionCount);

    public sealed class RenameForm
    {
        [Required(ErrorMessage = "Give the collection a name.")]
        [StringLength(CollectionNames.MaxLength, ErrorMessage = "A name has at most {1} characters.")]
        public string Name { get; set; } = "";

        /// <summary>The collection's version when the form was rendered; a rename over a newer one is refused.</summary>
        public int Version { get; set; }
    }
}
