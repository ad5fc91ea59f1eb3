using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Records;

namespace NewsDesk.Web.Api;

/// <summary>/api/mentions/{id}: read, re-point to another record, delete.</summary>
public static class MentionsApi
{
    /// <summary>The record a mention should point to instead: an existing one by id, or a new one.</summary>
    public sealed record RepointMentionRequest(string? EntityType, int? EntityId, NewRecordRequest? NewEntity);

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

        var resolved = await MentionTargets.ResolveAsync(target!, db, cancellationToken);
        if (resolved.Error is { } error)
        {
            return error;
        }

        mention.PointTo(resolved.Type, resolved.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Results.Ok(await db.Mentions.AsNoTracking().Where(m => m.Id == id).SelectView().SingleAsync(cancellationToken));
    }

    // Removed through the change tracker (not ExecuteDelete) so the audit log keeps what was deleted.
    private static async Task<IResult> DeleteAsync(int id, NewsDeskDbContext db, CancellationToken cancellationToken)
    {
        var mention = await db.Mentions.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (mention is null)
        {
            return MentionNotFound(id);
        }

        db.Mentions.Remove(mention);
        await db.SaveChangesAsync(cancellationToken);
        return Results.NoContent();
    }

    private static IResult MentionNotFound(int id) =>
        Results.Problem(title: "Mention not found.", detail: $"There is no mention {id}.", statusCode: StatusCodes.Status404NotFound);
}
