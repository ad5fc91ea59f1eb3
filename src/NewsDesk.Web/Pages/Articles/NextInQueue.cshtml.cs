using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Auditing;
using NewsDesk.Web.Search;

namespace NewsDesk.Web.Pages.Articles;

/// <summary>The next article waiting in the signed-in user's queue (new or in progress) after the given one, wrapping round.</summary>
public class NextInQueueModel(NewsDeskDbContext db, CurrentActor user) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int? after, CancellationToken cancellationToken)
    {
        var waiting = db.ArticleReviews.AsNoTracking().WaitingFor(user.Name);
        var next = await waiting.Where(r => r.ArticleId > (after ?? 0)).OrderBy(r => r.ArticleId).Select(r => (int?)r.ArticleId).FirstOrDefaultAsync(cancellationToken)
            ?? await waiting.Where(r => r.ArticleId != (after ?? 0)).OrderBy(r => r.ArticleId).Select(r => (int?)r.ArticleId).FirstOrDefaultAsync(cancellationToken);
        return next is { } id ? RedirectToPage("Details", new { id }) : Page();
    }
}
