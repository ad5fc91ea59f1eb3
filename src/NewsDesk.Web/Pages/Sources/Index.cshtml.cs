using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Pages.Sources;

/// <summary>The sources list: what is scraped, when it was and will be, and whether it works.</summary>
public class IndexModel(NewsDeskDbContext db) : PageModel
{
    public IReadOnlyList<SourceRow> Sources { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Sources.AsNoTracking().OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Select(s => new { Source = s, Articles = s.Articles.Count })
            .ToListAsync(cancellationToken);
        Sources = [.. rows.Select(r => new SourceRow(r.Source, r.Articles, SourceState.Of(r.Source)))];
    }

    public sealed record SourceRow(Source Source, int Articles, string State);
}

/// <summary>How the source pages show states and times.</summary>
public static class SourceDisplay
{
    public static string BadgeClass(string state) => state switch
    {
        "ok" => "text-bg-success",
        "failing" => "text-bg-danger",
        "disabled" => "text-bg-secondary",
        _ => "text-bg-light",
    };

    public static string Time(DateTime? utc) =>
        utc?.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture) ?? "–";
}
