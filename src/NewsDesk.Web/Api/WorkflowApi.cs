using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Auditing;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Api;

/// <summary>/api/articles/{id}/workflow: an article's state in the document workflow, and moving it on.</summary>
public static class WorkflowApi
{
    /// <summary>Version moves on with every change; 0 while the article is new and nobody changed its workflow.</summary>
    public sealed record WorkflowDto(int ArticleId, ArticleState State, string? StateSetBy, DateTime? StateSetAt, string? AnnotatedBy, string? Assignee, int Version);

    /// <summary>
    /// A new state, a new assignee (an account's email; "" unassigns), or both. Version, when given, is the one the
    /// client read: if someone changed the article since, the answer is 409 with the workflow as it is now.
    /// </summary>
    public sealed record WorkflowRequest(string? State, string? Assignee, int? Version);

    public static RouteGroupBuilder MapWorkflowApi(this RouteGroupBuilder api)
    {
        var workflow = api.MapGroup("/articles/{id:int}/workflow").WithTags("Workflow");
        workflow.MapGet("/", GetAsync).WithName("GetArticleWorkflow");
        workflow.MapMethods("/", ["PUT", "PATCH"], SetAsync).WithName("SetArticleWorkflow");
        return api;
    }

    private static async Task<IResult> GetAsync(int id, NewsDeskDbContext db, CancellationToken cancellationToken) =>
        await ArticleWorkflow.FindAsync(db, id, cancellationToken) is { } review ? Results.Ok(Dto(id, review)) : NotFound(id);

    private static async Task<IResult> SetAsync(int id, WorkflowRequest request, NewsDeskDbContext db, CurrentActor user, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var validation = new ApiValidation();
        ArticleState? state = request.State is null ? null : validation.Enum(request.State, "state", ArticleState.New);
        if (request.State is null && request.Assignee is null)
        {
            validation.Add("state", "Give a state (new, inProgress, annotated, reviewed, irrelevant), an assignee, or both.");
        }

        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var outcome = await ArticleWorkflow.ChangeAsync(db, id, state, request.Assignee, user.Name, clock.GetUtcNow().UtcDateTime,
            request.Version, cancellationToken);
        return outcome switch
        {
            { Review: null } => NotFound(id),
            { Stale: true, Review: { } now } => Results.Problem(title: "Someone else changed this article's workflow first.",
                detail: $"You had version {request.Version}; it is now at version {now.Version}, {ArticleWorkflow.StateNow(now)}. Nothing was changed: read it again, then send your change.",
                statusCode: StatusCodes.Status409Conflict, extensions: new Dictionary<string, object?> { ["current"] = Dto(id, now) }),
            { Error: { } error } => Results.Problem(title: "The article cannot move to that state.", detail: error.Message,
                statusCode: error.Kind == WorkflowRefusalKind.OwnWork ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict),
            { UnknownAssignee: true } => Results.ValidationProblem(new Dictionary<string, string[]> { ["assignee"] = [$"There is no account {request.Assignee}."] }),
            _ => Results.Ok(Dto(id, outcome.Review)),
        };
    }

    private static WorkflowDto Dto(int id, ArticleReview review) =>
        new(id, review.State, review.StateSetBy, review.StateSetAt, review.AnnotatedBy, review.Assignee, review.Version);

    private static IResult NotFound(int id) =>
        Results.Problem(title: "Article not found.", detail: $"There is no article {id}.", statusCode: StatusCodes.Status404NotFound);
}
