using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Auditing;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Pages.Sources;

/// <summary>Edit a source's name, address, kind, interval and whether it is fetched; a stale form (older Version) saves nothing.</summary>
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
            Reliability = source.Reliability,
            Scale = source.Scale,
            Version = source.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        // Held to the end: SQLite's write lock keeps anyone from saving between the version check and our UPDATE.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var source = await db.Sources.FindAsync([id], cancellationToken);
        if (source is null)
        {
            return NotFound();
        }

        if (source.Version != Input.Version)
        {
            return await ConflictPageAsync(source, cancellationToken);
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
        source.Reliability = Input.Reliability;
        source.Scale = Input.Scale;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another edit committed after this one read the row (possible with several writers): show theirs.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return await db.Sources.FindAsync([id], cancellationToken) is { } current ? await ConflictPageAsync(current, cancellationToken) : NotFound();
        }

        await transaction.CommitAsync(cancellationToken);
        return RedirectToPage("/Sources/Details", new { id });
    }

    /// <summary>Set when someone else saved the source since this form was loaded: their values, and nothing saved.</summary>
    public string? Conflict { get; private set; }

    /// <summary>The changes saved by others since the version this form was loaded at.</summary>
    public IReadOnlyList<AuditEntry> TheirChanges { get; private set; } = [];

    private async Task<PageResult> ConflictPageAsync(Source current, CancellationToken cancellationToken)
    {
        TheirChanges = await ConflictHistory.SinceAsync(db, "Source", current.Id, Input.Version, cancellationToken);
        Conflict = $"Someone else saved this source while you were editing (you started from version {Input.Version}; it is now at version {current.Version}). "
            + $"It now reads: name \u201c{current.Name}\u201d, URL {current.Url}, kind {current.Kind}, every {current.FetchIntervalMinutes} minutes, "
            + $"{(current.Enabled ? "fetched on schedule" : "not fetched")}, reliability {(current.Reliability is { } r ? r.Letter() : "not graded")}, scale {(current.Scale is { } sc ? SourceScales.Label(sc) : "not set")}. Nothing was overwritten. Save again if you still mean to.";
        ModelState.AddModelError(string.Empty, Conflict);

        // The form now starts from their version, so a deliberate second save goes through.
        ModelState.Remove("Input.Version");
        Input.Version = current.Version;
        return Page();
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

        [Display(Name = "Reliability (Admiralty grade)")]
        public SourceReliability? Reliability { get; set; }

        [Display(Name = "Scale (ACLED source scale)")]
        public SourceScale? Scale { get; set; }

        /// <summary>The source's version when the form was rendered; saving over a newer one is refused.</summary>
        public int Version { get; set; }
    }
}
