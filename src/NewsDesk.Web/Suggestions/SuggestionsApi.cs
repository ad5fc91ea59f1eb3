using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Api;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Auditing;
using NewsDesk.Web.Data.Records;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Evidence;

namespace NewsDesk.Web.Suggestions;

/// <summary>
/// /api/articles/{id}/suggestions: what the knowledge base finds in an article, and the editor's answers. Accepting
/// makes a normal mention (and, for a claim, the claim record) with a decision row beside it in the audit log;
/// rejecting records the answer so the suggestion is not offered again in that article.
/// </summary>
public static class SuggestionsApi
{
    /// <summary>
    /// Accept a suggestion: the span and quote, and what it points to (an actor or claim by id, or a new claim as
    /// <c>newEntity</c> {name, kind, claimantId, incidentId}); a denial may name the claim it denies.
    /// </summary>
    public sealed record AcceptRequest(int? Start, int? End, string? Quote, string? EntityType, int? EntityId, NewRecordRequest? NewEntity, int? DeniesClaimId);

    /// <summary>Reject a suggestion: an actor by id (all its suggestions in the article), or a span (an ambiguous name, a claim).</summary>
    public sealed record RejectRequest(int? Start, int? End, string? EntityType, int? EntityId);

    /// <summary>Accept every unambiguous actor suggestion in the article, or only those of one actor ("tag every occurrence").</summary>
    public sealed record AcceptAllRequest(int? EntityId);

    public sealed record AcceptAllResult(int Created, IReadOnlyList<MentionView> Mentions);

    public static WebApplicationBuilder AddSuggestions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SuggestionOptions>().Bind(builder.Configuration.GetSection("Suggestions"));
        builder.Services.AddSingleton<AliasCatalog>();
        builder.Services.AddScoped<ArticleSuggester>();
        return builder;
    }

    public static RouteGroupBuilder MapSuggestionsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/articles/{id:int}").WithTags("Suggestions");
        group.MapGet("/suggestions", GetAsync).WithName("ListSuggestions")
            .WithSummary("Suggested mentions: actor names and attributions found in the text; X-Suggestions-Total and X-Suggestions-Capped tell when the cap cut them.");
        group.MapGet("/cues", CuesAsync).WithName("ListIncidentCues").WithSummary("Dates (resolved against the article's date) and places in the text, by sentence.");
        group.MapPost("/suggestions/accept", AcceptAsync).WithName("AcceptSuggestion");
        group.MapPost("/suggestions/reject", RejectAsync).WithName("RejectSuggestion");
        group.MapPost("/suggestions/accept-all", AcceptAllAsync).WithName("AcceptAllSuggestions");
        return api;
    }

    private static async Task<IResult> GetAsync(int id, ArticleSuggester suggester, HttpContext http, CancellationToken cancellationToken)
    {
        if (await suggester.ForArticleAsync(id, cancellationToken) is not { } result)
        {
            return ArticleNotFound(id);
        }

        http.Response.Headers["X-Suggestions-Total"] = result.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers["X-Suggestions-Capped"] = result.Capped ? "true" : "false";
        return Results.Ok(result.Suggestions);
    }

    private static async Task<IResult> CuesAsync(int id, ArticleSuggester suggester, CancellationToken cancellationToken) =>
        await suggester.CuesAsync(id, cancellationToken) is { } cues ? Results.Ok(cues) : ArticleNotFound(id);

    private static async Task<IResult> AcceptAsync(int id, AcceptRequest request, NewsDeskDbContext db, CurrentActor user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var validation = new ApiValidation();
        if (request.Start is null || request.End is null)
        {
            validation.Add("start", "start and end are required (UTF-16 code unit offsets into the article text, end exclusive).");
        }

        var target = MentionTargets.Read(request.EntityType, request.EntityId, request.NewEntity, validation);
        if (target is { Type: RecordType.Incident })
        {
            validation.Add("entityType", "Suggestions are of actors and claims; tag an incident with POST /api/articles/{id}/mentions.");
        }

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
            return ArticlesApi.SpanProblem(problem);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (request.DeniesClaimId is { } denied && !await db.Claims.AnyAsync(c => c.Id == denied, cancellationToken))
        {
            return Results.Problem(title: "Claim not found.", detail: $"deniesClaimId {denied}: there is no such claim.", statusCode: StatusCodes.Status404NotFound);
        }

        var resolved = await MentionTargets.ResolveAsync(target!, db, cancellationToken);
        if (resolved.Error is { } error)
        {
            return error;
        }

        if (await DuplicateMentions.FindAsync(db, id, request.Start.Value, request.End.Value, resolved.Type, resolved.Id, null, cancellationToken) is { } existing)
        {
            return DuplicateMentions.Problem(existing);
        }

        if (request.DeniesClaimId is { } deniesId && resolved.Type == RecordType.Claim && deniesId != resolved.Id
            && await db.Claims.FindAsync([resolved.Id], cancellationToken) is { } claim && !await db.ClaimDenials.AnyAsync(d => d.ClaimId == resolved.Id, cancellationToken))
        {
            claim.Kind = ClaimKind.Denial;
            db.ClaimDenials.Add(new ClaimDenial { ClaimId = resolved.Id, DeniedClaimId = deniesId });
        }

        var mention = await AddMentionAsync(db, id, text, request.Start.Value, request.End.Value, resolved.Type, resolved.Id, user, clock, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var view = await db.Mentions.AsNoTracking().Where(m => m.Id == mention.Id).SelectView().SingleAsync(cancellationToken);
        return Results.Created($"/api/mentions/{mention.Id}", view);
    }

    private static async Task<IResult> RejectAsync(int id, RejectRequest request, NewsDeskDbContext db, CurrentActor user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var validation = new ApiValidation();
        RecordType? type = request.EntityType?.Trim().ToLowerInvariant() switch { "actor" => RecordType.Actor, "claim" => RecordType.Claim, _ => null };
        if (type is null)
        {
            validation.Add("entityType", "entityType must be \"actor\" or \"claim\".");
        }

        if (request.Start is null || request.End is null || request.End <= request.Start || request.Start < 0)
        {
            validation.Add("start", "start and end are required, with end greater than start.");
        }

        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        if (await db.Articles.Where(a => a.Id == id).Select(a => (int?)a.Text.Length).FirstOrDefaultAsync(cancellationToken) is not { } length)
        {
            return ArticleNotFound(id);
        }

        if (request.End > length)
        {
            return Results.Problem(title: "The span is not valid.", detail: $"The span [{request.Start}, {request.End}) is outside the article text, which is {length} UTF-16 code units long.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (type == RecordType.Actor && request.EntityId is { } actorId && !await db.Actors.AnyAsync(a => a.Id == actorId, cancellationToken))
        {
            return Results.Problem(title: "Actor not found.", detail: $"There is no actor {actorId}.", statusCode: StatusCodes.Status404NotFound);
        }

        db.SuggestionDecisions.Add(new SuggestionDecision
        {
            ArticleId = id,
            Start = request.Start!.Value,
            End = request.End!.Value,
            RecordType = type!.Value,
            ActorId = type == RecordType.Actor ? request.EntityId : null,
            Verdict = SuggestionVerdict.Rejected,
            DecidedBy = user.Name,
            DecidedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return Results.NoContent();
    }

    private static async Task<IResult> AcceptAllAsync(
        int id, AcceptAllRequest? request, ArticleSuggester suggester, NewsDeskDbContext db, CurrentActor user, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await suggester.ForArticleAsync(id, cancellationToken) is not { } result)
        {
            return ArticleNotFound(id);
        }

        var wanted = result.Suggestions
            .Where(s => s.EntityType == RecordType.Actor && s.EntityId is not null && (request?.EntityId is null || s.EntityId == request.EntityId))
            .ToList();
        if (wanted.Count == 0)
        {
            return Results.Ok(new AcceptAllResult(0, []));
        }

        var text = await db.Articles.Where(a => a.Id == id).Select(a => a.Text).SingleAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var mentions = new List<Mention>();
        foreach (var suggestion in wanted)
        {
            mentions.Add(await AddMentionAsync(db, id, text, suggestion.Start, suggestion.End, RecordType.Actor, suggestion.EntityId!.Value, user, clock, cancellationToken));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var ids = mentions.Select(m => m.Id).ToList();
        var views = await db.Mentions.AsNoTracking().Where(m => ids.Contains(m.Id)).SelectView().ToListAsync(cancellationToken);
        return Results.Ok(new AcceptAllResult(views.Count, views));
    }

    // The decision row beside the mention is what the audit log shows as "accepted suggestion" (SuggestionDecision, Accepted, MentionId).
    private static async Task<Mention> AddMentionAsync(
        NewsDeskDbContext db, int articleId, string text, int start, int end, RecordType type, int recordId, CurrentActor user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var mention = new Mention { ArticleId = articleId, Start = start, End = end, Quote = text[start..end] };
        mention.TextVersion = await ArticleTextVersion.OfAsync(db, articleId, text, cancellationToken);
        mention.PointTo(type, recordId);
        db.Mentions.Add(mention);
        db.SuggestionDecisions.Add(new SuggestionDecision
        {
            ArticleId = articleId,
            Start = start,
            End = end,
            RecordType = type,
            ActorId = type == RecordType.Actor ? recordId : null,
            Verdict = SuggestionVerdict.Accepted,
            Mention = mention,
            DecidedBy = user.Name,
            DecidedAt = clock.GetUtcNow().UtcDateTime,
        });
        return mention;
    }

    private static IResult ArticleNotFound(int id) =>
        Results.Problem(title: "Article not found.", detail: $"There is no article {id}.", statusCode: StatusCodes.Status404NotFound);
}
