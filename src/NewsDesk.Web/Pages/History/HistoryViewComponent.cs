using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Pages.History;

/// <summary>The history panel of a record or article page: the latest audit entries that belong to it, newest first.</summary>
public sealed class HistoryViewComponent(NewsDeskDbContext db) : ViewComponent
{
    public const int Shown = 50;

    public async Task<IViewComponentResult> InvokeAsync(string type, int id)
    {
        var recordId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.RecordType == type && e.RecordId == recordId)
            .OrderByDescending(e => e.Id).Take(Shown).ToListAsync();
        return View(new HistoryView(type, id, entries));
    }
}

/// <summary>What the panel shows.</summary>
public sealed record HistoryView(string Type, int Id, IReadOnlyList<AuditEntry> Entries);
