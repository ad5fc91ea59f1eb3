using Microsoft.AspNetCore.Mvc;
using NewsDesk.Web.Evidence;

namespace NewsDesk.Web.Pages.Evidence;

/// <summary>
/// The article page's evidence box (view: Pages/Shared/Components/ArticleEvidence/Default.cshtml): versions, the
/// capture's and the text's SHA-256, a capture file gone missing, quotes a later version removed. What the store holds
/// is read once per store version (<see cref="ArticleEvidenceCache"/>): read on every view, its four queries (the whole
/// text to hash it, every mention's quote) were most of what an article page as served cost (bench/README.md, Scale,
/// session 10). The capture files are looked at on every view, here only: one removed by hand changes no store
/// version, and the box must say so at once.
/// </summary>
public class ArticleEvidenceViewComponent(ArticleEvidenceCache evidence, CaptureFiles files) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int articleId)
    {
        if (await evidence.FindAsync(articleId, HttpContext.RequestAborted) is not { } stored)
        {
            return Content("");
        }

        var view = stored with { Versions = [.. stored.Versions.Select(v => v with { CaptureProblem = v.Row.Capture is { } c ? files.Problem(c) : null })] };
        return View(view);
    }
}
