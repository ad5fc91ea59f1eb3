using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Records;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Pages.Evidence;

namespace NewsDesk.Web.Pages.Articles;

/// <summary>
/// The article page's side panel of mentions grouped by record (view: Pages/Shared/Components/ArticleMentions/Default.cshtml).
/// A component of its own so the page can cache it per article and store version: with hundreds of mentions it
/// is most of the page's query and markup.
/// </summary>
public class ArticleMentionsViewComponent(NewsDeskDbContext db, ArticleEvidenceCache evidence) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int articleId)
    {
        var mentions = await db.Mentions.AsNoTracking().Where(m => m.ArticleId == articleId).SelectView().ToListAsync(HttpContext.RequestAborted);
        List<MentionGroup> groups = [.. mentions
            .GroupBy(m => (m.EntityType, m.EntityId))
            .Select(g => new MentionGroup(g.Key.EntityType, g.Key.EntityId, g.First().EntityName, [.. g]))
            .OrderBy(g => g.Type).ThenBy(g => g.Mentions[0].Start)];
        // From the evidence the box above already read (cached): reading the versions and the mentions' quotes again
        // here was three of the cold page's queries.
        var removed = (await evidence.FindAsync(articleId, HttpContext.RequestAborted))?.RemovedQuotes
            .ToDictionary(q => q.MentionId, q => q.RemovedInVersion) ?? new Dictionary<int, int>();
        return View(new MentionPanel(groups, mentions.Count, removed));
    }

    /// <param name="RemovedIn">By mention id, the article version that no longer contains the mention's quote (issue 17).</param>
    public sealed record MentionPanel(IReadOnlyList<MentionGroup> Groups, int MentionCount, IReadOnlyDictionary<int, int> RemovedIn);

    public sealed record MentionGroup(RecordType Type, int EntityId, string Name, IReadOnlyList<MentionView> Mentions)
    {
        public string TypeName => Type.ToString().ToLowerInvariant();

        public string RecordUrl => $"/{TypeName}s/{EntityId}";
    }
}
