using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Auditing;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Api;

/// <summary>/api/articles/{id}/workflow: an article's state in the document workflow, and moving it on.</summary>
public static class WorkflowApi
{
    public sealed record WorkflowDto(int ArticleId, ArticleState State, string? StateSetBy, DateTime? StateSetAt, string? AnnotatedBy, string? Assignee);

    /// <summary>A new state, a new assignee (an account's email; "" unassigns), or both.</summary>
    public sealed record WorkflowRequest(string? State, string? Assignee);

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

        var outcome = await ArticleWorkflow.ChangeAsync(db, id, state, request.Assignee, user.Name, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return outcome switch
        {
            { Review: null } => NotFound(id),
            { Error: { } error } => Results.Problem(title: "The article cannot move to that state.", detail: error.Message,
                statusCode: error.Kind == WorkflowRefusalKind.OwnWork ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict),
            { UnknownAssignee: true } => Results.ValidationProblem(new Dictionary<string, string[]> { ["assignee"] = [$"There is no account {request.Assignee}."] }),
            _ => Results.Ok(Dto(id, outcome.Review)),
        };
    }

    private static WorkflowDto Dto(int id, ArticleReview review) =>
        new(id, review.State, review.StateSetBy, review.StateSetAt, review.AnnotatedBy, review.Assignee);

    private static IResult NotFound(int id) =>
        Results.Problem(title: "Article not found.", detail: $"There is no article {id}.", statusCode: StatusCodes.Status404NotFound);
}
