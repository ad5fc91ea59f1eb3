using Microsoft.AspNetCore.Mvc;
using NewsDesk.Web.Data;

namespace NewsDesk.Web.Pages.Collections;

/// <summary>
/// An article's collections with add and remove buttons, dropped into another page with one line
/// (<c>@await Component.InvokeAsync("ArticleCollections", new { articleId })</c>); the forms come back to that page.
/// </summary>
public class ArticleCollectionsViewComponent(NewsDeskDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int articleId)
    {
        var returnUrl = Request.Path + Request.QueryString;
        var view = await MembershipModel.LoadForArticleAsync(db, articleId, returnUrl, HttpContext.RequestAborted);
        return View("/Pages/Collections/_ArticleCollections.cshtml", view);
    }
}
