using Microsoft.AspNetCore.Mvc;
using NewsDesk.Web.Data.TextSearch;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Search;

/// <summary><c>GET /api/articles</c>: the article list as JSON, with the same search, filters and paging as the home page.</summary>
public static class ArticleSearchApi
{
    public static IEndpointRouteBuilder MapArticleSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/articles", async (
            [AsParameters] ArticleFilterParameters parameters,
            ArticleListQuery query,
            HttpContext http,
            CancellationToken cancellationToken) =>
        {
            var page = await query.RunAsync(parameters.ForUser(http.User.Identity?.Name).ToFilter(), parameters.After, parameters.Limit ?? ArticleListQuery.DefaultPageSize, cancellationToken);
            return Results.Ok(new
            {
                items = page.Items.Select(i => new
                {
                    id = i.Id,
                    title = i.Title,
                    url = i.Url,
                    site = i.SiteName,
                    language = i.Language,
                    publishedAt = i.Published.At,
                    mentionCount = i.MentionCount,
                    snippet = i.Snippet.Replace(Snippet.Open.ToString(), "", StringComparison.Ordinal).Replace(Snippet.Close.ToString(), "", StringComparison.Ordinal),
                }),
                next = page.Next,
                note = page.Note,
            });
        }).WithName("ListArticles").WithTags("Articles");
        return app;
    }

    /// <summary>Query-string names shared by the page and the API.</summary>
    public sealed class ArticleFilterParameters
    {
        [FromQuery] public string? Q { get; set; }
        [FromQuery] public int? Source { get; set; }
        [FromQuery] public string? Site { get; set; }
        [FromQuery] public string? Language { get; set; }
        [FromQuery] public DateOnly? From { get; set; }
        [FromQuery] public DateOnly? To { get; set; }
        [FromQuery] public bool? Annotated { get; set; }
        [FromQuery] public int? Actor { get; set; }
        [FromQuery] public int? Incident { get; set; }
        [FromQuery] public int? Claim { get; set; }
        [FromQuery] public int? Collection { get; set; }
        /// <summary>A workflow state, spelled as the API writes it ("inProgress") or as people do ("in progress").</summary>
        [FromQuery] public string? State { get; set; }

        /// <summary>An account's email, or "me" for the signed-in user (resolved by the caller: <see cref="ForUser"/>).</summary>
        [FromQuery] public string? Assignee { get; set; }
        /// <summary>An account's email, or "me": that person's queue, the articles assigned to them that wait (new or in progress).</summary>
        [FromQuery] public string? Queue { get; set; }
        /// <summary>"me": only articles my watches flagged as they arrived.</summary>
        [FromQuery] public string? Watched { get; set; }
        [FromQuery] public string? After { get; set; }
        [FromQuery] public int? Limit { get; set; }

        public ArticleFilter ToFilter() => new()
        {
            Q = Q,
            Source = Source,
            Site = Site,
            Language = Language,
            From = From,
            To = To,
            Annotated = Annotated,
            Actor = Actor,
            Incident = Incident,
            Claim = Claim,
            Collection = Collection,
            State = Enum.TryParse<ArticleState>(State?.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var state)
                && Enum.IsDefined(state) && !int.TryParse(State, out _) ? state : null,
            Assignee = Assignee,
            QueueOf = Queue,
            WatchedBy = Watched,
        };

        /// <summary>"assignee=me" as the signed-in user's email, so a queue link works for everyone.</summary>
        public ArticleFilterParameters ForUser(string? userName)
        {
            if (Assignee == "me")
            {
                Assignee = userName;
            }

            if (Queue == "me")
            {
                Queue = userName;
            }

            if (Watched == "me")
            {
                Watched = userName;
            }

            return this;
        }
    }
}
