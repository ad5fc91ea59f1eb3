using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Auditing;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Pages.Incidents;

/// <summary>Edits an incident. The form carries the Version it was loaded at; saving over a newer version is refused.</summary>
public class EditModel(NewsDeskDbContext db) : PageModel
{
    [BindProperty]
    public IncidentForm Form { get; set; } = new();

    public int Id { get; private set; }
    public string? Conflict { get; private set; }
    public IReadOnlyList<SelectListItem> ActorOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.AsNoTracking().Include(i => i.Actors).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (incident is null)
        {
            return NotFound();
        }

        Id = id;
        Form = IncidentForm.From(incident);
        ActorOptions = await IncidentForm.ActorOptionsAsync(db, Form, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        Id = id;
        var incident = await db.Incidents.Include(i => i.Actors).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (incident is null)
        {
            return NotFound();
        }

        ActorOptions = await IncidentForm.ActorOptionsAsync(db, Form, cancellationToken);
        await ModelState.RequireActorsAsync(db, "Perpetrators", Form.PerpetratorIds.Select(i => (int?)i), cancellationToken);
        await ModelState.RequireActorsAsync(db, "Targets", Form.TargetIds.Select(i => (int?)i), cancellationToken);
        await Form.ValidateAsync(ModelState, db, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await VersionedEdit.SaveAsync(db, incident, Form.Version, () => Form.ApplyTo(incident), cancellationToken);
        if (!outcome.Saved)
        {
            return await ConflictPageAsync(outcome.CurrentVersion, id, cancellationToken);
        }

        return RedirectToPage("Details", new { id });
    }

    /// <summary>The changes saved by others since the version this form was loaded at, shown with the conflict.</summary>
    public IReadOnlyList<AuditEntry> TheirChanges { get; private set; } = [];

    private async Task<PageResult> ConflictPageAsync(int? currentVersion, int id, CancellationToken cancellationToken)
    {
        TheirChanges = await ConflictHistory.SinceAsync(db, "Incident", id, Form.Version, cancellationToken);
        Conflict = VersionedEdit.ConflictMessage("incident", Form.Version, currentVersion, mergeable: true);
        ModelState.AddModelError(string.Empty, Conflict);
        return Page();
    }
}

/// <summary>The incident form shared by Create and Edit.</summary>
public sealed class IncidentForm
{
    [Required, StringLength(500)]
    public string Title { get; set; } = "";

    [DataType(DataType.Date)]
    public DateOnly? Date { get; set; }

    [Display(Name = "Date precision")]
    public DatePrecision DatePrecision { get; set; } = DatePrecision.Day;

    [DataType(DataType.Date), Display(Name = "Latest date (range)")]
    public DateOnly? DateEnd { get; set; }

    [StringLength(300), Display(Name = "Place")]
    public string? Location { get; set; }

    [StringLength(300), Display(Name = "Admin region")]
    public string? Admin1 { get; set; }

    [StringLength(300), Display(Name = "Admin 2 (district)")]
    public string? Admin2 { get; set; }

    [StringLength(300), Display(Name = "Admin 3")]
    public string? Admin3 { get; set; }

    [StringLength(100)]
    public string? Country { get; set; }

    [Range(-90, 90)]
    public double? Latitude { get; set; }

    [Range(-180, 180)]
    public double? Longitude { get; set; }

    [Range(1, 3), Display(Name = "Geo precision (1 place, 2 near, 3 region)")]
    public int? GeoPrecision { get; set; }

    [Display(Name = "Event type")]
    public IncidentType? Type { get; set; }

    [StringLength(100), Display(Name = "Sub-event type")]
    public string? SubType { get; set; }

    [Range(0, int.MaxValue), Display(Name = "Fatalities (empty = unknown)")]
    public int? Fatalities { get; set; }

    [Range(0, int.MaxValue), Display(Name = "Fatalities, low")]
    public int? FatalitiesLow { get; set; }

    [Range(0, int.MaxValue), Display(Name = "Fatalities, high")]
    public int? FatalitiesHigh { get; set; }

    [Range(0, int.MaxValue), Display(Name = "Deaths, perpetrators' side")]
    public int? DeathsPerpetratorSide { get; set; }

    [Range(0, int.MaxValue), Display(Name = "Deaths, targets' side")]
    public int? DeathsTargetSide { get; set; }

    [Range(0, int.MaxValue), Display(Name = "Deaths, civilians")]
    public int? DeathsCivilians { get; set; }

    [Range(0, int.MaxValue), Display(Name = "Deaths, unknown side")]
    public int? DeathsUnknown { get; set; }

    [Display(Name = "Civilians were the target")]
    public bool CivilianTargeting { get; set; }

    [StringLength(1000), Display(Name = "Tags (; between)")]
    public string? Tags { get; set; }

    [StringLength(100), Display(Name = "Source scale (when no reporting source has one)")]
    public string? SourceScale { get; set; }

    public IncidentStatus Status { get; set; } = IncidentStatus.Reported;

    [StringLength(8000)]
    public string? Notes { get; set; }

    public List<int> PerpetratorIds { get; set; } = [];
    public List<int> TargetIds { get; set; } = [];
    public List<int> PerpetratorAssociateIds { get; set; } = [];
    public List<int> TargetAssociateIds { get; set; } = [];
    public int Version { get; set; }

    public static IncidentForm From(Incident i) => new()
    {
        Title = i.Title,
        Date = i.Date,
        DatePrecision = i.DatePrecision,
        DateEnd = i.DateEnd,
        Admin2 = i.Admin2,
        Admin3 = i.Admin3,
        FatalitiesLow = i.FatalitiesLow,
        FatalitiesHigh = i.FatalitiesHigh,
        DeathsPerpetratorSide = i.DeathsPerpetratorSide,
        DeathsTargetSide = i.DeathsTargetSide,
        DeathsCivilians = i.DeathsCivilians,
        DeathsUnknown = i.DeathsUnknown,
        CivilianTargeting = i.CivilianTargeting,
        Tags = i.Tags,
        SourceScale = i.SourceScale,
        Location = i.Location,
        Admin1 = i.Admin1,
        Country = i.Country,
        Latitude = i.Latitude,
        Longitude = i.Longitude,
        GeoPrecision = i.GeoPrecision,
        Type = i.Type,
        SubType = i.SubType,
        Fatalities = i.Fatalities,
        Status = i.Status,
        Notes = i.Notes,
        Version = i.Version,
        PerpetratorIds = [.. i.Actors.Where(r => r.Role == IncidentRole.Perpetrator).Select(r => r.ActorId)],
        TargetIds = [.. i.Actors.Where(r => r.Role == IncidentRole.Target).Select(r => r.ActorId)],
        PerpetratorAssociateIds = [.. i.Actors.Where(r => r.Role == IncidentRole.PerpetratorAssociate).Select(r => r.ActorId)],
        TargetAssociateIds = [.. i.Actors.Where(r => r.Role == IncidentRole.TargetAssociate).Select(r => r.ActorId)],
    };

    public void ApplyTo(Incident i)
    {
        i.Title = Title.Trim();
        i.Date = Date;
        i.DatePrecision = DatePrecision;
        i.DateEnd = DateEnd;
        i.Admin2 = Blank(Admin2);
        i.Admin3 = Blank(Admin3);
        i.FatalitiesLow = FatalitiesLow;
        i.FatalitiesHigh = FatalitiesHigh;
        i.DeathsPerpetratorSide = DeathsPerpetratorSide;
        i.DeathsTargetSide = DeathsTargetSide;
        i.DeathsCivilians = DeathsCivilians;
        i.DeathsUnknown = DeathsUnknown;
        i.CivilianTargeting = CivilianTargeting;
        i.Tags = Blank(Tags);
        i.SourceScale = Blank(SourceScale);
        i.Location = Blank(Location);
        i.Admin1 = Blank(Admin1);
        i.Country = Blank(Country);
        i.Latitude = Latitude;
        i.Longitude = Longitude;
        i.GeoPrecision = GeoPrecision;
        i.Type = Type;
        i.SubType = Blank(SubType);
        i.Fatalities = Fatalities;
        i.Status = Status;
        i.Notes = Blank(Notes);
        var wanted = PerpetratorIds.Distinct().Select(a => (ActorId: a, Role: IncidentRole.Perpetrator))
            .Concat(TargetIds.Distinct().Select(a => (ActorId: a, Role: IncidentRole.Target)))
            .Concat(PerpetratorAssociateIds.Distinct().Select(a => (ActorId: a, Role: IncidentRole.PerpetratorAssociate)))
            .Concat(TargetAssociateIds.Distinct().Select(a => (ActorId: a, Role: IncidentRole.TargetAssociate))).ToList();
        i.Actors.RemoveAll(r => !wanted.Contains((r.ActorId, r.Role)));
        foreach (var (actorId, role) in wanted.Where(w => !i.Actors.Any(r => r.ActorId == w.ActorId && r.Role == w.Role)))
        {
            i.Actors.Add(new IncidentActor { ActorId = actorId, Role = role });
        }
    }

    /// <summary>Checks what the attributes cannot: associates are actors, the range runs forwards, low ≤ best ≤ high.</summary>
    public async Task ValidateAsync(ModelStateDictionary modelState, NewsDeskDbContext db, CancellationToken cancellationToken)
    {
        await modelState.RequireActorsAsync(db, "Associates of the perpetrator", PerpetratorAssociateIds.Select(i => (int?)i), cancellationToken);
        await modelState.RequireActorsAsync(db, "Associates of the target", TargetAssociateIds.Select(i => (int?)i), cancellationToken);
        if (Date is { } start && DateEnd is { } end && end < start)
        {
            modelState.AddModelError($"Form.{nameof(DateEnd)}", "The latest date comes before the date: swap them.");
        }

        if ((FatalitiesLow is { } low && (Fatalities ?? FatalitiesHigh) is { } above && low > above)
            || (FatalitiesHigh is { } high && (Fatalities ?? FatalitiesLow) is { } below && high < below))
        {
            modelState.AddModelError($"Form.{nameof(FatalitiesLow)}", "Fatalities must run low ≤ best ≤ high.");
        }
    }

    /// <summary>
    /// The actors the form holds now, as options: the page's type-ahead picker (js/forms/record-form.js) searches the
    /// others on the server, so the form never carries every actor (there can be 20,000).
    /// </summary>
    public static Task<IReadOnlyList<SelectListItem>> ActorOptionsAsync(NewsDeskDbContext db, IncidentForm form, CancellationToken cancellationToken) =>
        RecordOptions.ActorsAsync(db, form.PerpetratorIds.Concat(form.TargetIds).Concat(form.PerpetratorAssociateIds).Concat(form.TargetAssociateIds), cancellationToken);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
