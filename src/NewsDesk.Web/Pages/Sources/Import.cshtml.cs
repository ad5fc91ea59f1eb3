using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Extraction.Feeds;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Ingest;

namespace NewsDesk.Web.Pages.Sources;

/// <summary>Import an OPML subscription list: each feed not yet a source becomes one.</summary>
[RequestSizeLimit(MaxFileBytes + 64 * 1024)]
public class ImportModel(NewsDeskDbContext db, ISourceDiscovery discovery, TimeProvider clock) : PageModel
{
    public const long MaxFileBytes = 2 * 1024 * 1024;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [TempData]
    public string? Message { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Choose an OPML file.");
            return Page();
        }

        if (Upload.Length > MaxFileBytes)
        {
            ModelState.AddModelError(nameof(Upload), "The file is larger than 2 MiB; an OPML list is much smaller.");
            return Page();
        }

        IReadOnlyList<OpmlFeed> feeds;
        await using (var stream = Upload.OpenReadStream())
        {
            try
            {
                feeds = discovery.ReadOpml(stream);
            }
            catch (FeedFormatException ex)
            {
                ModelState.AddModelError(nameof(Upload), $"{Upload.FileName} is not a readable OPML file: {ex.Message}");
                return Page();
            }
        }

        var urls = feeds.Select(f => CanonicalUrl.Normalize(f.Url)).ToList();
        var existing = (await db.Sources.Where(s => urls.Contains(s.Url)).Select(s => s.Url).ToListAsync(cancellationToken)).ToHashSet();
        var added = 0;
        var refused = new List<string>();
        foreach (var (feed, url) in feeds.Zip(urls))
        {
            if (!existing.Add(url))
            {
                continue;
            }

            // An internal address would only be refused at every fetch; it is not saved at all.
            if (await discovery.RefusalAsync(new Uri(url), cancellationToken) is { } refusal)
            {
                refused.Add(refusal);
                continue;
            }

            db.Sources.Add(new Source
            {
                Name = feed.Title is { Length: > 0 } title ? (title.Length > 300 ? title[..300] : title) : feed.Url.Host,
                Url = url,
                Kind = SourceKind.Feed,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        Message = $"Imported {added} feed(s) from {Upload.FileName}; {feeds.Count - added - refused.Count} were already sources."
            + (refused.Count == 0 ? "" : $" {refused.Count} refused: {string.Join("; ", refused.Take(5))}{(refused.Count > 5 ? "; …" : "")}.");
        return RedirectToPage("/Sources/Index");
    }
}
