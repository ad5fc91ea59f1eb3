using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Records;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Api;

/// <summary>/api/articles: an article's text with its mentions, and tagging a new span.</summary>
public static class ArticlesApi
{
    /// <summary>An article as the annotation page and scripts see it. Mention offsets index <c>text</c> in UTF-16 code units.</summary>
    public sealed record ArticleDto(int Id, string Title, string Url, DateTime? PublishedAt, string? SiteName, string? Language, string Text, IReadOnlyList<MentionView> Mentions);

    /// <summary>A new mention: [start, end) in UTF-16 code units, the quoted text, and either an existing record or a new one.</summary>
    public sealed record CreateMentionRequest(int? Start, int? End, string? Quote, string? EntityType, int? EntityId, NewRecordRequest? NewEntity);

    public static RouteGroupBuilder MapArticlesApi(this RouteGroupBuilder api)
    {
        var articles = api.MapGroup("/articles").WithTags("Articles");
        articles.MapGet("/{id:int}", GetAsync).WithName("GetArticle");
        articles.MapGet("/{id:int}/mentions", ListMentionsAsync).WithName("ListArticleMentions");
        articles.MapPost("/{id:int}/mentions", CreateMentionAsync).WithName("CreateMention");
        return api;
    }

    private static async Task<IResult> GetAsync(int id, NewsDeskDbContext db, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new { a.Id, a.Title, a.Url, a.PublishedAt, a.SiteName, a.Language, a.Text })
            .FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return ArticleNotFound(id);
        }

        var mentions = await db.Mentions.AsNoTracking().Where(m => m.ArticleId == id).SelectView().ToListAsync(cancellationToken);
        return Results.Ok(new ArticleDto(article.Id, article.Title, article.Url, article.PublishedAt, article.SiteName, article.Language, article.Text, mentions));
    }

    /// <summary>The mentions alone: the page already has the text, and a 5 MB article need not travel twice.</summary>
    private static async Task<IResult> ListMentionsAsync(int id, NewsDeskDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Articles.AnyAsync(a => a.Id == id, cancellationToken))
        {
            return ArticleNotFound(id);
        }

        return Results.Ok(await db.Mentions.AsNoTracking().Where(m => m.ArticleId == id).SelectView().ToListAsync(cancellationToken));
    }

    private static async Task<IResult> CreateMentionAsync(int id, CreateMentionRequest request, NewsDeskDbContext db, CancellationToken cancellationToken)
    {
        var validation = new ApiValidation();
        if (request.Start is null)
        {
            validation.Add("start", "start is required (a UTF-16 code unit offset into the article text).");
        }

        if (request.End is null)
        {
            validation.Add("end", "end is required (a UTF-16 code unit offset into the article text, exclusive).");
        }

        var target = MentionTargets.Read(request.EntityType, request.EntityId, request.NewEntity, validation);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var text = await db.Articles.Where(a => a.Id == id).Select(a => a.Text).FirstOrDefaultAsync(cancellationToken);
        if (text is null)
        {
            return ArticleNotFound(id);
        }

        if (MentionSpan.Check(text, request.Start!.Value, request.End!.Value, request.Quote) is { } problem)
        {
            return SpanProblem(problem);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var resolved = await MentionTargets.ResolveAsync(target!, db, cancellationToken);
        if (resolved.Error is { } error)
        {
            return error;
        }

        if (target!.Id is not null
            && await DuplicateMentions.FindAsync(db, id, request.Start.Value, request.End.Value, resolved.Type, resolved.Id, null, cancellationToken) is { } existing)
        {
            return DuplicateMentions.Problem(existing);
        }

        var mention = new Mention { ArticleId = id, Start = request.Start.Value, End = request.End.Value, Quote = request.Quote! };
        mention.TextVersion = await Evidence.ArticleTextVersion.OfAsync(db, id, text, cancellationToken);
        mention.PointTo(resolved.Type, resolved.Id);
        db.Mentions.Add(mention);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var view = await db.Mentions.AsNoTracking().Where(m => m.Id == mention.Id).SelectView().SingleAsync(cancellationToken);
        return Results.Created($"/api/mentions/{mention.Id}", view);
    }

    internal static IResult SpanProblem(SpanProblem problem) => Results.Problem(
        title: problem.Kind == SpanProblemKind.QuoteMismatch ? "The quote does not match the article text." : "The span is not valid.",
        detail: problem.Message,
        statusCode: problem.Kind == SpanProblemKind.QuoteMismatch ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest,
        extensions: new Dictionary<string, object?> { ["problem"] = char.ToLowerInvariant(problem.Kind.ToString()[0]) + problem.Kind.ToString()[1..] });

    private static IResult ArticleNotFound(int id) =>
        Results.Problem(title: "Article not found.", detail: $"There is no article {id}.", statusCode: StatusCodes.Status404NotFound);
}
