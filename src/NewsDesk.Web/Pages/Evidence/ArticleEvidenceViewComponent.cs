using Microsoft.AspNetCore.Mvc;
using NewsDesk.Web.Evidence;

namespace NewsDesk.Web.Pages.Evidence;

/// <summary>
/// The article page's evidence box (view: Pages/Shared/Components/ArticleEvidence/Default.cshtml): versions, the
/// capture's and the text's SHA-256, a capture file gone missing, quotes a later version removed. Not cached with
/// the page: a capture file removed by hand changes no store version, and the box must say so at once.
/// </summary>
public class ArticleEvidenceViewComponent(ArticleEvidenceReader reader) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int articleId)
    {
        var view = await reader.ReadAsync(articleId, HttpContext.RequestAborted);
        return view is null ? Content("") : View(view);
    }
}
