namespace NewsDesk.Web.Domain;

/// <summary>
/// Where an article stands in the document workflow: new → in progress → annotated → reviewed, or irrelevant (triage),
/// who set that state and when, who annotated it and who is assigned to it. An article without a row is new.
/// </summary>
public class ArticleReview
{
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
    public ArticleState State { get; set; } = ArticleState.New;
    public string? StateSetBy { get; set; }
    public DateTime? StateSetAt { get; set; }

    /// <summary>Who marked it annotated: the one person who may not review it.</summary>
    public string? AnnotatedBy { get; set; }

    /// <summary>The account (email) whose queue the article is in.</summary>
    public string? Assignee { get; set; }

    /// <summary>Moves on with every change (optimistic concurrency): 0 while the article has no row, i.e. is new.</summary>
    public int Version { get; set; }

    /// <summary>
    /// Moves to <paramref name="state"/> as <paramref name="user"/>; null when allowed, else why not. Only an editor who
    /// did not annotate the article reviews it, and only once it is annotated.
    /// </summary>
    public WorkflowRefusal? MoveTo(ArticleState state, string user, DateTime at)
    {
        if (state == ArticleState.Reviewed)
        {
            if (State != ArticleState.Annotated && State != ArticleState.Reviewed)
            {
                return new WorkflowRefusal(WorkflowRefusalKind.NotAnnotated, $"Only an annotated article can be reviewed; this one is {State.Display()}.");
            }

            if (string.Equals(AnnotatedBy, user, StringComparison.OrdinalIgnoreCase))
            {
                return new WorkflowRefusal(WorkflowRefusalKind.OwnWork, "You annotated this article: another editor reviews it.");
            }
        }

        if (state == ArticleState.Annotated)
        {
            AnnotatedBy = user;
        }

        State = state;
        StateSetBy = user;
        StateSetAt = at;
        return null;
    }
}

public enum ArticleState
{
    New,
    InProgress,
    Annotated,
    Reviewed,
    Irrelevant,
}

/// <summary>Why a state change was refused.</summary>
public sealed record WorkflowRefusal(WorkflowRefusalKind Kind, string Message);

public enum WorkflowRefusalKind
{
    NotAnnotated,
    OwnWork,
}
