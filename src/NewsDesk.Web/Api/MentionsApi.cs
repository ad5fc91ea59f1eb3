using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Records;

namespace NewsDesk.Web.Api;

/// <summary>/api/mentions/{id}: read, re-point to another record, delete.</summary>
public static class MentionsApi
{
    /// <summary>
    /// The record a mention should point to instead: an existing one by id, or a new one. Version is the mention's
    /// version the caller last read; a re-point over a newer version is refused with 409 so no change is lost.
    /// </summary>
    public sealed record RepointMentionRequest(string? EntityType, int? EntityId, NewRecordRequest? NewEntity, int? Version);

    public static RouteGroupBuilder MapMentionsApi(this RouteGroupBuilder api)
    {
        var mentions = api.MapGroup("/mentions").WithTags("Mentions");
        mentions.MapGet("/{id:int}", GetAsync).WithName("GetMention");
        mentions.MapMethods("/{id:int}", ["PATCH", "PUT"], RepointAsync).WithName("RepointMention");
        mentions.MapDelete("/{id:int}", DeleteAsync).WithName("DeleteMention");
        return api;
    }

    private static async Task<IResult> GetAsync(int id, NewsDeskDbContext db, CancellationToken cancellationToken) =>
        await db.Mentions.AsNoTracking().Where(m => m.Id == id).SelectView().FirstOrDefaultAsync(cancellationToken) is { } view
            ? Results.Ok(view)
            : MentionNotFound(id);

    private static async Task<IResult> RepointAsync(int id, RepointMentionRequest request, NewsDeskDbContext db, CancellationToken cancellationToken)
    {
        var validation = new ApiValidation();
        var target = MentionTargets.Read(request.EntityType, request.EntityId, request.NewEntity, validation);
        if (request.Version is null)
        {
            validation.Add("version", "version is required: send the mention's version from your last read, so nobody's change is overwritten.");
        }

        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var mention = await db.Mentions.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (mention is null)
        {
            return MentionNotFound(id);
        }

        // The transaction holds SQLite's write lock, so nobody can save between this check and our UPDATE.
        if (mention.Version != request.Version)
        {
            return await StaleAsync(id, request.Version!.Value, db, cancellationToken);
        }

        var resolved = await MentionTargets.ResolveAsync(target!, db, cancellationToken);
        if (resolved.Error is { } error)
        {
            return error;
        }

        if (await DuplicateMentions.FindAsync(db, mention.ArticleId, mention.Start, mention.End, resolved.Type, resolved.Id, mention.Id, cancellationToken) is { } existing)
        {
            return DuplicateMentions.Problem(existing);
        }

        mention.PointTo(resolved.Type, resolved.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Results.Ok(await db.Mentions.AsNoTracking().Where(m => m.Id == id).SelectView().SingleAsync(cancellationToken));
    }

    // Removed through the change tracker (not ExecuteDelete) so the audit log keeps what was deleted. With
    // ?version=N (the annotation page always sends it) a mention someone re-pointed since is not deleted: 409 shows
    // their change. Without it the delete is unconditional, as HTTP's DELETE without If-Match is, for scripts.
    private static async Task<IResult> DeleteAsync(int id, int? version, NewsDeskDbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var mention = await db.Mentions.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (mention is null)
        {
            return MentionNotFound(id);
        }

        if (version is { } expected && mention.Version != expected)
        {
            return await StaleAsync(id, expected, db, cancellationToken);
        }

        db.Mentions.Remove(mention);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Results.NoContent();
    }

    private static async Task<IResult> StaleAsync(int id, int version, NewsDeskDbContext db, CancellationToken cancellationToken)
    {
        var current = await db.Mentions.AsNoTracking().Where(m => m.Id == id).SelectView().SingleAsync(cancellationToken);
        return Results.Problem(
            title: "Someone else changed this mention.",
            detail: $"Someone else changed this mention since you read it (you had version {version}; it is now at version {current.Version}) and it now points to {current.EntityType} "
                + $"\u201c{current.EntityName}\u201d. Nothing was changed; look at their change and try again if you still mean to.",
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["current"] = current });
    }

    private static IResult MentionNotFound(int id) =>
        Results.Problem(title: "Mention not found.", detail: $"There is no mention {id}.", statusCode: StatusCodes.Status404NotFound);
}
