using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Auditing;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Pages.Claims;

/// <summary>Edits a claim. The form carries the Version it was loaded at; saving over a newer version is refused.</summary>
public class EditModel(NewsDeskDbContext db) : PageModel
{
    [BindProperty]
    public ClaimForm Form { get; set; } = new();

    public int Id { get; private set; }
    public string? Conflict { get; private set; }
    public ClaimForm.Options Choices { get; private set; } = ClaimForm.Options.Empty;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var claim = await db.Claims.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (claim is null)
        {
            return NotFound();
        }

        Id = id;
        Form = ClaimForm.From(claim);
        Choices = await ClaimForm.LoadOptionsAsync(db, Form, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        Id = id;
        var claim = await db.Claims.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (claim is null)
        {
            return NotFound();
        }

        Choices = await ClaimForm.LoadOptionsAsync(db, Form, cancellationToken);
        await ModelState.RequireActorsAsync(db, "Claimant", [Form.ClaimantId], cancellationToken);
        await ModelState.RequireActorsAsync(db, "Relayed by", [Form.RelayedById], cancellationToken);
        await ModelState.RequireIncidentAsync(db, "About incident", Form.IncidentId, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await VersionedEdit.SaveAsync(db, claim, Form.Version, () => Form.ApplyTo(claim), cancellationToken);
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
        TheirChanges = await ConflictHistory.SinceAsync(db, "Claim", id, Form.Version, cancellationToken);
        Conflict = VersionedEdit.ConflictMessage("claim", Form.Version, currentVersion, mergeable: false);
        ModelState.AddModelError(string.Empty, Conflict);
        return Page();
    }
}

/// <summary>The claim form shared by Create and Edit.</summary>
public sealed class ClaimForm
{
    [Required, StringLength(4000), Display(Name = "What is claimed (your paraphrase)")]
    public string Text { get; set; } = "";

    [Display(Name = "Claimant (who asserts it)")]
    public int? ClaimantId { get; set; }

    [Display(Name = "Relayed by (who reports the assertion)")]
    public int? RelayedById { get; set; }

    public ClaimKind Kind { get; set; } = ClaimKind.Other;

    [Display(Name = "About incident")]
    public int? IncidentId { get; set; }

    [DataType(DataType.Date)]
    public DateOnly? Date { get; set; }

    public ClaimAssessment Assessment { get; set; } = ClaimAssessment.Unverified;

    [StringLength(4000), Display(Name = "Assessment note")]
    public string? AssessmentNote { get; set; }

    [Display(Name = "Credibility (Admiralty grade)")]
    public InformationCredibility? Credibility { get; set; }

    [StringLength(300), Display(Name = "Reviewer (empty = the organisation)")]
    public string? Reviewer { get; set; }

    [DataType(DataType.Date), Display(Name = "Review date (empty = last change)")]
    public DateOnly? ReviewDate { get; set; }

    public int Version { get; set; }

    public static ClaimForm From(Claim c) => new()
    {
        Text = c.Text,
        ClaimantId = c.ClaimantId,
        RelayedById = c.RelayedById,
        Kind = c.Kind,
        IncidentId = c.IncidentId,
        Date = c.ClaimDate,
        Assessment = c.Assessment,
        AssessmentNote = c.AssessmentNote,
        Credibility = c.Credibility,
        Reviewer = c.Reviewer,
        ReviewDate = c.ReviewDate,
        Version = c.Version,
    };

    public void ApplyTo(Claim c)
    {
        c.Text = Text.Trim();
        c.ClaimantId = ClaimantId;
        c.RelayedById = RelayedById;
        c.Kind = Kind;
        c.IncidentId = IncidentId;
        c.ClaimDate = Date;
        c.Assessment = Assessment;
        c.AssessmentNote = string.IsNullOrWhiteSpace(AssessmentNote) ? null : AssessmentNote.Trim();
        c.Credibility = Credibility;
        c.Reviewer = string.IsNullOrWhiteSpace(Reviewer) ? null : Reviewer.Trim();
        c.ReviewDate = ReviewDate;
    }

    /// <summary>The pickers' choices: actors and incidents.</summary>
    public sealed record Options(IReadOnlyList<SelectListItem> Actors, IReadOnlyList<SelectListItem> Incidents)
    {
        public static readonly Options Empty = new([], []);
    }

    /// <summary>The records the form holds now; the type-ahead pickers search the others on the server.</summary>
    public static async Task<Options> LoadOptionsAsync(NewsDeskDbContext db, ClaimForm form, CancellationToken cancellationToken) => new(
        await RecordOptions.ActorsAsync(db, new[] { form.ClaimantId, form.RelayedById }.OfType<int>(), cancellationToken),
        await RecordOptions.IncidentsAsync(db, form.IncidentId is { } id ? [id] : [], cancellationToken));
}
