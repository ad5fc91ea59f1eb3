using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Configurations;
using NewsDesk.Web.Watchlists;

namespace NewsDesk.Web.Pages.Watchlist;

/// <summary>/watchlist: the actors and saved searches I follow, and the articles they flagged as they arrived.</summary>
public class IndexModel(NewsDeskDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<WatchlistsApi.WatchDto> Watches { get; private set; } = [];
    public IReadOnlyList<WatchedArticle> Articles { get; private set; } = [];

    /// <summary>An actor's name or alias, as typed.</summary>
    [BindProperty]
    [StringLength(ActorAliasConfiguration.MaxNameLength)]
    public string? ActorName { get; set; }

    [BindProperty]
    [StringLength(WatchConfiguration.MaxQueryLength)]
    public string? Query { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        int? actorId = null;
        if (!string.IsNullOrWhiteSpace(ActorName))
        {
            var name = ActorName.Trim();
            actorId = await db.Actors.Where(a => a.Name == name || a.Aliases.Any(x => x.Name == name)).OrderBy(a => a.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
            if (actorId is null)
            {
                ModelState.AddModelError(nameof(ActorName), $"No actor is called \u201c{name}\u201d (name or alias).");
            }
        }

        if (ModelState.IsValid)
        {
            var result = await WatchlistsApi.AddAsync(db, User.Identity!.Name!, actorId, actorId is null ? Query : null, clock, cancellationToken);
            if (result.Error is { } error)
            {
                ModelState.AddModelError(actorId is null ? nameof(Query) : nameof(ActorName), error);
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken cancellationToken)
    {
        var watch = await db.Watches.FirstOrDefaultAsync(w => w.Id == id && w.Owner == User.Identity!.Name, cancellationToken);
        if (watch is not null)
        {
            db.Watches.Remove(watch);
            await db.SaveChangesAsync(cancellationToken);
        }

        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var me = User.Identity!.Name!;
        Watches = await WatchlistsApi.MineAsync(db, me, cancellationToken);
        Articles = await WatchlistQueries.ArticlesAsync(db, me, since: null, limit: 50, cancellationToken);
    }
}
