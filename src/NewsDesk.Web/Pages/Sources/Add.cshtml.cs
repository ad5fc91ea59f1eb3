using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Extraction.Feeds;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Ingest;

namespace NewsDesk.Web.Pages.Sources;

/// <summary>Add a source. A home page's URL is looked at and the feeds it advertises are offered to pick from.</summary>
public class AddModel(NewsDeskDbContext db, ISourceDiscovery discovery, TimeProvider clock) : PageModel
{
    [BindProperty]
    public AddInput Input { get; set; } = new();

    /// <summary>Feeds found on the page the editor entered, offered instead of adding the page itself.</summary>
    public IReadOnlyList<DiscoveredFeed> OfferedFeeds { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var probe = await discovery.ProbeAsync(Input.Url, Input.Kind, cancellationToken);
        if (probe.Failed)
        {
            ModelState.AddModelError("Input.Url", probe.Error!);
            return Page();
        }

        if (probe.Kind is not { } kind)
        {
            OfferedFeeds = probe.Feeds;
            return Page();
        }

        if (await db.Sources.AnyAsync(s => s.Url == probe.Url, cancellationToken))
        {
            ModelState.AddModelError("Input.Url", $"A source with the URL {probe.Url} already exists.");
            return Page();
        }

        var source = new Source
        {
            Name = string.IsNullOrWhiteSpace(Input.Name) ? probe.Name : Input.Name.Trim(),
            Url = probe.Url,
            Kind = kind,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Sources.Add(source);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Sources/Details", new { id = source.Id });
    }

    public sealed class AddInput
    {
        [Required, MaxLength(2048), Display(Name = "URL")]
        public string Url { get; set; } = "";

        [MaxLength(300)]
        public string? Name { get; set; }

        public SourceKindChoice Kind { get; set; } = SourceKindChoice.Auto;
    }
}
