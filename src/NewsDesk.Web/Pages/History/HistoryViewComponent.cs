using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Pages.History;

/// <summary>
/// The history panel of a record or article page: the latest audit entries that belong to it, newest first.
/// Cached until the store changes: every change writes an audit entry, so a new version is the only way in.
/// </summary>
public sealed class HistoryViewComponent(NewsDeskDbContext db, VersionedCache cache) : ViewComponent
{
    public const int Shown = 50;

    public async Task<IViewComponentResult> InvokeAsync(string type, int id)
    {
        var view = await cache.GetOrLoadAsync((typeof(HistoryView), type, id), ct => LoadAsync(type, id, ct), ApproximateBytes, HttpContext.RequestAborted);
        return View(view);
    }

    private async Task<HistoryView?> LoadAsync(string type, int id, CancellationToken cancellationToken)
    {
        var recordId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.RecordType == type && e.RecordId == recordId)
            .OrderByDescending(e => e.Id).Take(Shown).ToListAsync(cancellationToken);
        return new HistoryView(type, id, entries);
    }

    private static long ApproximateBytes(HistoryView view) =>
        256 + view.Entries.Sum(e => 256 + (2L * ((e.Before?.Length ?? 0) + (e.After?.Length ?? 0))));
}

/// <summary>What the panel shows.</summary>
public sealed record HistoryView(string Type, int Id, IReadOnlyList<AuditEntry> Entries);
