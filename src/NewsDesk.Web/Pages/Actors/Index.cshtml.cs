using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Records;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Pages.Actors;

/// <summary>The actors, searchable by name and alias.</summary>
public class IndexModel(NewsDeskDbContext db) : PageModel
{
    private const int Limit = 200;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<Row> Actors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Actors = await db.Actors.AsNoTracking().Matching(Q).Take(Limit)
            .Select(a => new Row(a.Id, a.Name, a.Kind, a.Country, a.Aliases.OrderBy(al => al.Name).Select(al => al.Name).ToList(), a.Mentions.Count))
            .ToListAsync(cancellationToken);
    }

    public sealed record Row(int Id, string Name, ActorKind Kind, string? Country, IReadOnlyList<string> Aliases, int MentionCount);
}
