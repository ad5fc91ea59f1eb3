using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Records;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Pages.Actors;

/// <summary>The actors, searchable by name and alias.</summary>
public class IndexModel(NewsDeskDbContext db, ActorNameIndex names) : PageModel
{
    private const int Limit = 200;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<Row> Actors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        IQueryable<Actor> actors;
        List<int>? ranked = null;
        if (string.IsNullOrWhiteSpace(Q))
        {
            actors = db.Actors.AsNoTracking().OrderBy(a => a.Name).Take(Limit);
        }
        else
        {
            // The same search as the type-ahead: word starts of names and aliases, exact names first.
            ranked = [.. await names.SearchAsync(db, Q, Limit, cancellationToken)];
            actors = db.Actors.AsNoTracking().Where(a => ranked.Contains(a.Id));
        }

        var rows = await actors
            .Select(a => new Row(a.Id, a.Name, a.Kind, a.Country, a.Aliases.OrderBy(al => al.Name).Select(al => al.Name).ToList(), a.Mentions.Count))
            .ToListAsync(cancellationToken);
        Actors = ranked is null ? rows : [.. rows.OrderBy(r => ranked.IndexOf(r.Id))];
    }

    public sealed record Row(int Id, string Name, ActorKind Kind, string? Country, IReadOnlyList<string> Aliases, int MentionCount);
}
