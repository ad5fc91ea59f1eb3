using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Ingest;

namespace NewsDesk.Web.Pages.Sources;

/// <summary>One source: its settings, state and fetch log; "fetch now", enable/disable and delete.</summary>
public class DetailsModel(NewsDeskDbContext db, TimeProvider clock, UnsavedSourceErrors unsaved) : PageModel
{
    public const int LogLength = 30;

    public Source Source { get; private set; } = null!;
    public string State { get; private set; } = "";
    public int ArticleCount { get; private set; }
    public IReadOnlyList<SourceFetch> Fetches { get; private set; } = [];

    /// <summary>The last fetch's error when the database had no room to record it (a full disk).</summary>
    public (string Error, DateTime At)? UnsavedError { get; private set; }

    /// <summary>A fetch was asked for or is running: the page reloads itself until it is done.</summary>
    public bool FetchPending => Source.FetchRequestedAt is not null || (Fetches.Count > 0 && Fetches[0].FinishedAt is null);

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var source = await db.Sources.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (source is null)
        {
            return NotFound();
        }

        Source = source;
        State = SourceState.Of(source);
        UnsavedError = unsaved.Of(id);
        ArticleCount = await db.Articles.CountAsync(a => a.SourceId == id, cancellationToken);
        Fetches = await db.SourceFetches.AsNoTracking().Where(f => f.SourceId == id)
            .OrderByDescending(f => f.StartedAt).ThenByDescending(f => f.Id).Take(LogLength)
            .ToListAsync(cancellationToken);
        return Page();
    }

    /// <summary>Queues a fetch: the scraper picks the request row up at its next tick (Pages never call Ingest directly).</summary>
    public async Task<IActionResult> OnPostFetchNowAsync(int id, CancellationToken cancellationToken)
    {
        var source = await db.Sources.FindAsync([id], cancellationToken);
        if (source is null)
        {
            return NotFound();
        }

        source.FetchRequestedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        Message = "Fetch requested: the scraper picks it up within a few seconds; this page refreshes until it is done.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostToggleAsync(int id, CancellationToken cancellationToken)
    {
        var source = await db.Sources.FindAsync([id], cancellationToken);
        if (source is null)
        {
            return NotFound();
        }

        source.Enabled = !source.Enabled;
        await db.SaveChangesAsync(cancellationToken);
        Message = source.Enabled ? "Source enabled." : "Source disabled: it is no longer fetched.";
        return RedirectToPage(new { id });
    }

    /// <summary>Deletes the source and its fetch log; its articles stay (their SourceId becomes null).</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var source = await db.Sources.FindAsync([id], cancellationToken);
        if (source is null)
        {
            return NotFound();
        }

        db.Sources.Remove(source);
        await db.SaveChangesAsync(cancellationToken);
        Message = $"Source \"{source.Name}\" deleted; its articles were kept.";
        return RedirectToPage("/Sources/Index");
    }
}
