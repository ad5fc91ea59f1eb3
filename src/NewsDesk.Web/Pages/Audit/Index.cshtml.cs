using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Auditing;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Export;

namespace NewsDesk.Web.Pages.Audit;

/// <summary>The audit log for admins: filter by user, type and dates; page through it; download the same selection as CSV.</summary>
public class IndexModel(NewsDeskDbContext db) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public IReadOnlyList<string> Users { get; private set; } = [];
    public bool HasMore { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        var page = await Filtered().OrderByDescending(e => e.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
        HasMore = page.Count > PageSize;
        Entries = [.. page.Take(PageSize)];
        Users = await db.AuditEntries.AsNoTracking().Select(e => e.UserName).Distinct().OrderBy(u => u).ToListAsync(cancellationToken);
    }

    /// <summary>The filtered log as CSV (one row per entry, before/after as JSON), streamed with CsvHelper.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = "attachment; filename=\"audit.csv\"";
        await using var csv = new CsvTableWriter(Response.Body, byteOrderMark: true);
        csv.WriteHeader(["id", "at_utc", "user", "action", "entity_type", "entity_id", "record_type", "record_id", "version", "before", "after"]);
        await foreach (var entry in Filtered().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            csv.Cell(entry.Id.ToString(CultureInfo.InvariantCulture));
            csv.Cell(entry.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            csv.Text(entry.UserName);
            csv.Cell(entry.Action.ToString());
            csv.Cell(entry.EntityType);
            csv.Text(entry.EntityId);
            csv.Cell(entry.RecordType);
            csv.Text(entry.RecordId);
            csv.Number(entry.Version);
            csv.Text(entry.Before);
            csv.Text(entry.After);
            await csv.EndRowAsync(cancellationToken);
        }

        // The body is written: no page may render after it.
        return new EmptyResult();
    }

    private IQueryable<AuditEntry> Filtered()
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(UserName))
        {
            query = query.Where(e => e.UserName == UserName);
        }

        if (!string.IsNullOrWhiteSpace(Type))
        {
            query = query.Where(e => e.EntityType == Type || e.RecordType == Type);
        }

        if (From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue);
            query = query.Where(e => e.At >= start);
        }

        if (To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue);
            query = query.Where(e => e.At < end);
        }

        return query;
    }

    public static IReadOnlyList<string> Types => AuditedTypes.Names;
}
