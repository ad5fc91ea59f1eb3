using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Auditing;
using NewsDesk.Web.Data.Configurations;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Pages.Actors;

/// <summary>Edits an actor. The form carries the Version it was loaded at; saving over a newer version is refused.</summary>
public class EditModel(NewsDeskDbContext db) : PageModel
{
    [BindProperty]
    public ActorForm Form { get; set; } = new();

    public int Id { get; private set; }
    public string? Conflict { get; private set; }
    public IReadOnlyList<SelectListItem> ActorOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var actor = await db.Actors.AsNoTracking().Include(a => a.Aliases).Include(a => a.Affiliations).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (actor is null)
        {
            return NotFound();
        }

        Id = id;
        Form = ActorForm.From(actor);
        ActorOptions = await ActorForm.OptionsAsync(db, id, Form, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        Id = id;
        var actor = await db.Actors.Include(a => a.Aliases).Include(a => a.Affiliations).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (actor is null)
        {
            return NotFound();
        }

        ActorOptions = await ActorForm.OptionsAsync(db, id, Form, cancellationToken);
        await ModelState.RequireActorsAsync(db, "Affiliations", Form.Affiliations.Select(l => l.ActorId), cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await VersionedEdit.SaveAsync(db, actor, Form.Version, () => Form.ApplyTo(actor, id), cancellationToken);
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
        TheirChanges = await ConflictHistory.SinceAsync(db, "Actor", id, Form.Version, cancellationToken);
        Conflict = VersionedEdit.ConflictMessage("actor", Form.Version, currentVersion, mergeable: true);
        ModelState.AddModelError(string.Empty, Conflict);
        return Page();
    }
}

/// <summary>The actor form shared by Create and Edit. Aliases one per line; affiliations as rows.</summary>
public sealed class ActorForm : IValidatableObject
{
    [Required, StringLength(300)]
    public string Name { get; set; } = "";

    public ActorKind Kind { get; set; } = ActorKind.Other;

    [Display(Name = "ACLED actor type (inter code)")]
    public AcledActorType? AcledType { get; set; }

    [StringLength(100)]
    public string? Country { get; set; }

    [Display(Name = "Reliability as a source (Admiralty grade)")]
    public SourceReliability? Reliability { get; set; }

    [StringLength(4000)]
    public string? Description { get; set; }

    [StringLength(100), Display(Name = "External id (e.g. Wikidata QID)")]
    public string? ExternalId { get; set; }

    [Display(Name = "Aliases and transliterations (one per line)")]
    [StringLength(ActorAliasConfiguration.MaxPerActor * (ActorAliasConfiguration.MaxNameLength + 2), ErrorMessage = "The aliases are longer than an actor's limit.")]
    public string? Aliases { get; set; }

    /// <summary>
    /// Aliases matched only in exactly this case and suggested even when short or a common word ("US", "IS"): the
    /// suggestions leave such names out unless an editor lists them here (<see cref="ActorAlias.CaseSensitive"/>).
    /// </summary>
    [Display(Name = "Exact aliases: this case only, suggested even when short or common (one per line, e.g. US)")]
    [StringLength(ActorAliasConfiguration.MaxPerActor * (ActorAliasConfiguration.MaxNameLength + 2), ErrorMessage = "The aliases are longer than an actor's limit.")]
    public string? ExactAliases { get; set; }

    public List<AffiliationRow> Affiliations { get; set; } = [];

    public int Version { get; set; }

    public sealed class AffiliationRow
    {
        public int? ActorId { get; set; }

        [StringLength(200)]
        public string? Relation { get; set; }
    }

    public static ActorForm From(Actor actor)
    {
        var form = new ActorForm
        {
            Name = actor.Name,
            Kind = actor.Kind,
            AcledType = actor.AcledType,
            Country = actor.Country,
            Description = actor.Description,
            ExternalId = actor.ExternalId,
            Reliability = actor.Reliability,
            Aliases = string.Join('\n', actor.Aliases.Where(a => !a.CaseSensitive).OrderBy(a => a.Name).Select(a => a.Name)),
            ExactAliases = string.Join('\n', actor.Aliases.Where(a => a.CaseSensitive).OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => a.Name)),
            Affiliations = [.. actor.Affiliations.Select(l => new AffiliationRow { ActorId = l.AffiliateId, Relation = l.Relation })],
            Version = actor.Version,
        };
        return form.WithBlankRows();
    }

    /// <summary>Room for new affiliations without any script: three empty rows.</summary>
    public ActorForm WithBlankRows()
    {
        Affiliations.AddRange(Enumerable.Range(0, 3).Select(_ => new AffiliationRow()));
        return this;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ActorAliasConfiguration.Refusal([.. AliasLines().Select(a => a.Name)]) is { } refusal)
        {
            yield return new ValidationResult(refusal, [nameof(Aliases)]);
        }
    }

    private static string[] Lines(string? text) => (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    // A name in both lists is exact: the stricter reading is the one the editor wrote on purpose.
    private List<(string Name, bool Exact)> AliasLines() =>
        [.. Lines(ExactAliases).Select(a => (a, true)).Concat(Lines(Aliases).Select(a => (a, false))).DistinctBy(a => a.Item1, StringComparer.OrdinalIgnoreCase)];

    public void ApplyTo(Actor actor, int actorId)
    {
        actor.Name = Name.Trim();
        actor.Kind = Kind;
        actor.AcledType = AcledType;
        actor.Country = Blank(Country);
        actor.Description = Blank(Description);
        actor.ExternalId = Blank(ExternalId);
        actor.Reliability = Reliability;

        var aliases = AliasLines().Where(a => !string.Equals(a.Name, actor.Name, StringComparison.OrdinalIgnoreCase)).ToList();
        actor.Aliases.RemoveAll(a => !aliases.Exists(kept => string.Equals(kept.Name, a.Name, StringComparison.OrdinalIgnoreCase)));
        foreach (var (name, exact) in aliases)
        {
            if (actor.Aliases.Find(existing => string.Equals(existing.Name, name, StringComparison.OrdinalIgnoreCase)) is { } existing)
            {
                // An exact alias is matched in its case, so a change of case is a change; a plain one keeps its spelling.
                existing.Name = exact ? name : existing.Name;
                existing.CaseSensitive = exact;
            }
            else
            {
                actor.Aliases.Add(new ActorAlias { Name = name, CaseSensitive = exact });
            }
        }

        var links = Affiliations.Where(l => l.ActorId is { } other && other != actorId).DistinctBy(l => l.ActorId).ToList();
        actor.Affiliations.RemoveAll(l => !links.Any(k => k.ActorId == l.AffiliateId));
        foreach (var link in links)
        {
            var existing = actor.Affiliations.FirstOrDefault(l => l.AffiliateId == link.ActorId);
            if (existing is null)
            {
                actor.Affiliations.Add(new ActorAffiliation { AffiliateId = link.ActorId!.Value, Relation = Blank(link.Relation) });
            }
            else
            {
                existing.Relation = Blank(link.Relation);
            }
        }
    }

    /// <summary>The affiliated actors the form holds now (never the actor itself); the type-ahead pickers search the others.</summary>
    public static Task<IReadOnlyList<SelectListItem>> OptionsAsync(NewsDeskDbContext db, int? exceptId, ActorForm form, CancellationToken cancellationToken) =>
        RecordOptions.ActorsAsync(db, form.Affiliations.Select(a => a.ActorId).OfType<int>().Where(a => a != exceptId), cancellationToken);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
