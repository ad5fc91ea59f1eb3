using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;

namespace NewsDesk.Web.Pages;

/// <summary>
/// The options a record form's pickers start with: only the records the form holds. The page's type-ahead
/// (wwwroot/js/forms/record-form.js) searches the rest through the API, so a form stays small with 20,000 actors.
/// </summary>
public static class RecordOptions
{
    public static async Task<IReadOnlyList<SelectListItem>> ActorsAsync(NewsDeskDbContext db, IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return wanted.Count == 0 ? [] : [.. (await db.Actors.AsNoTracking().Where(a => wanted.Contains(a.Id)).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken))
            .Select(a => new SelectListItem(a.Name, a.Id.ToString(CultureInfo.InvariantCulture)))];
    }

    public static async Task<IReadOnlyList<SelectListItem>> IncidentsAsync(NewsDeskDbContext db, IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return wanted.Count == 0 ? [] : [.. (await db.Incidents.AsNoTracking().Where(i => wanted.Contains(i.Id)).Select(i => new { i.Id, i.Title }).ToListAsync(cancellationToken))
            .Select(i => new SelectListItem(i.Title, i.Id.ToString(CultureInfo.InvariantCulture)))];
    }
}
