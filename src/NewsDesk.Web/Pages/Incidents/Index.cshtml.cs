using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Records;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Pages.Incidents;

/// <summary>The incidents, newest first, searchable by title and place.</summary>
public class IndexModel(NewsDeskDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<Row> Incidents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Incidents = await db.Incidents.AsNoTracking().Matching(Q).Take(200)
            .Select(i => new Row(i.Id, i.Title, i.Date, i.DatePrecision, i.Location, i.Country, i.Type, i.Status, i.Fatalities,
                i.Mentions.Select(m => m.ArticleId).Distinct().Count()))
            .ToListAsync(cancellationToken);
    }

    public sealed record Row(int Id, string Title, DateOnly? Date, DatePrecision DatePrecision, string? Location, string? Country,
        IncidentType? Type, IncidentStatus Status, int? Fatalities, int ArticleCount);
}
