using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;

namespace NewsDesk.Web.Pages;

/// <summary>
/// Checks the record ids a form posts (a picker's value can be stale or forged): an unknown id becomes an error
/// in the form's summary, naming the field, instead of a foreign-key failure at save time.
/// </summary>
public static class RecordChoices
{
    public static async Task RequireActorsAsync(this ModelStateDictionary modelState, NewsDeskDbContext db, string label,
        IEnumerable<int?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<int>().Distinct().ToList();
        if (wanted.Count == 0)
        {
            return;
        }

        var known = await db.Actors.Where(a => wanted.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
        foreach (var missing in wanted.Except(known))
        {
            modelState.AddModelError(string.Empty, $"{label}: there is no actor {missing} (merged or deleted?). Choose another.");
        }
    }

    public static async Task RequireIncidentAsync(this ModelStateDictionary modelState, NewsDeskDbContext db, string label,
        int? id, CancellationToken cancellationToken)
    {
        if (id is { } wanted && !await db.Incidents.AnyAsync(i => i.Id == wanted, cancellationToken))
        {
            modelState.AddModelError(string.Empty, $"{label}: there is no incident {wanted} (merged or deleted?). Choose another.");
        }
    }
}
