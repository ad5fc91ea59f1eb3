using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Evidence;

namespace NewsDesk.Web.Pages.Evidence;

/// <summary>
/// Every version of an article, with its capture and digests, a word-level diff between any two
/// (<c>?from=1&amp;to=3</c>; by default the last two), and each capture's WARC records for download.
/// </summary>
public class VersionsModel(NewsDeskDbContext db, ArticleEvidenceReader reader, CaptureFiles files) : PageModel
{
    public ArticleEvidenceView Evidence { get; private set; } = null!;
    public string Title { get; private set; } = "";
    public int From { get; private set; }
    public int To { get; private set; }
    public IReadOnlyList<WordDiff.Run> Diff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int? from, int? to, CancellationToken cancellationToken)
    {
        var title = await db.Articles.Where(a => a.Id == id).Select(a => a.Title).FirstOrDefaultAsync(cancellationToken);
        if (title is null || await reader.ReadAsync(id, cancellationToken) is not { } evidence)
        {
            return NotFound();
        }

        Title = title;
        Evidence = evidence;
        var numbers = evidence.Versions.Select(v => v.Row.Number).ToList();
        if (numbers.Count >= 2)
        {
            To = to is { } t && numbers.Contains(t) ? t : numbers[^1];
            From = from is { } f && numbers.Contains(f) ? f : numbers.Where(n => n < To).DefaultIfEmpty(numbers[0]).Max();
            Diff = WordDiff.Between(Text(From), Text(To));
        }

        return Page();
    }

    /// <summary>The capture's request and response records (gzip members), as stored, for any WARC reader.</summary>
    public async Task<IActionResult> OnGetWarcAsync(int id, int number, CancellationToken cancellationToken)
    {
        var capture = await db.ArticleVersions.AsNoTracking().Where(v => v.ArticleId == id && v.Number == number)
            .Select(v => v.Capture).FirstOrDefaultAsync(cancellationToken);
        if (capture is null)
        {
            return NotFound();
        }

        if (await files.ReadAsync(capture, cancellationToken) is not { } bytes)
        {
            return new ContentResult { StatusCode = StatusCodes.Status410Gone, ContentType = "text/plain; charset=utf-8", Content = files.Problem(capture) };
        }

        return File(bytes, "application/warc", $"article-{id}-v{number}.warc.gz");
    }

    private string Text(int number) => Evidence.Versions.First(v => v.Row.Number == number).Row.Text;
}
