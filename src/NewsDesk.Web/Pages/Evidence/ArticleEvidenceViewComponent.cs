using Microsoft.AspNetCore.Mvc;
using NewsDesk.Web.Data;
using NewsDesk.Web.Evidence;

namespace NewsDesk.Web.Pages.Evidence;

/// <summary>
/// The article page's evidence box (view: Pages/Shared/Components/ArticleEvidence/Default.cshtml): versions, the
/// capture's and the text's SHA-256, a capture file gone missing, quotes a later version removed. What the store holds
/// is read once per store version (<see cref="VersionedCache"/>): read on every view, its four queries (the whole text
/// to hash it, every mention's quote) were most of what an article page as served cost (bench/README.md, Scale,
/// session 10). The capture files are looked at on every view: one removed by hand changes no store version, and the
/// box must say so at once.
/// </summary>
public class ArticleEvidenceViewComponent(ArticleEvidenceReader reader, VersionedCache cache, CaptureFiles files) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int articleId)
    {
        var stored = await cache.GetOrLoadAsync((typeof(ArticleEvidenceView), articleId), ct => reader.ReadAsync(articleId, ct), SizeOf, HttpContext.RequestAborted);
        if (stored is null)
        {
            return Content("");
        }

        var view = stored with { Versions = [.. stored.Versions.Select(v => v with { CaptureProblem = v.Row.Capture is { } c ? files.Problem(c) : null })] };
        return View(view);
    }

    // The versions' texts dominate (two bytes a character); the rest is a few short strings per version and quote.
    private static long SizeOf(ArticleEvidenceView view) =>
        1024 + view.Versions.Sum(v => 512 + (2L * (v.Row.Text.Length + v.Row.Title.Length)))
        + view.RemovedQuotes.Sum(q => 64 + (2L * q.Quote.Length));
}
