using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Api;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Auditing;
using NewsDesk.Web.Data.Configurations;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Watchlists;

/// <summary>/api/watchlist: the signed-in editor's watches (actors and saved searches) and the articles they flagged.</summary>
public static class WatchlistsApi
{
    public sealed record WatchDto(int Id, int? ActorId, string? ActorName, string? Query, DateTime CreatedAt, int Hits);

    /// <summary>Follow an actor (<c>actorId</c>) or a saved search (<c>query</c>: words that must all occur).</summary>
    public sealed record CreateWatchRequest(int? ActorId, string? Query);

    public static WebApplicationBuilder AddWatchlists(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<WatchlistMatcher>();
        return builder;
    }

    public static RouteGroupBuilder MapWatchlistsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/watchlist").WithTags("Watchlist");
        group.MapGet("", ListAsync).WithName("ListWatches");
        group.MapPost("", CreateAsync).WithName("CreateWatch");
        group.MapDelete("/{id:int}", DeleteAsync).WithName("DeleteWatch");
        group.MapGet("/articles", ArticlesAsync).WithName("ListWatchedArticles")
            .WithSummary("Articles flagged by my watches as they arrived, newest first; since= (ISO date or time) and limit= (≤ 500) narrow it.");
        return api;
    }

    private static async Task<IResult> ListAsync(NewsDeskDbContext db, CurrentActor user, CancellationToken cancellationToken) =>
        Results.Ok(await MineAsync(db, user.Name, cancellationToken));

    internal static Task<List<WatchDto>> MineAsync(NewsDeskDbContext db, string owner, CancellationToken cancellationToken) =>
        db.Watches.AsNoTracking().Where(w => w.Owner == owner).OrderBy(w => w.Id)
            .Select(w => new WatchDto(w.Id, w.ActorId, w.Actor != null ? w.Actor.Name : null, w.Query, w.CreatedAt, w.Hits.Count))
            .ToListAsync(cancellationToken);

    private static async Task<IResult> CreateAsync(CreateWatchRequest request, NewsDeskDbContext db, CurrentActor user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var result = await AddAsync(db, user.Name, request.ActorId, request.Query, clock, cancellationToken);
        return result.Error is { } error
            ? result.Status == StatusCodes.Status404NotFound
                ? Results.Problem(title: "Actor not found.", detail: error, statusCode: result.Status)
                : Results.ValidationProblem(new Dictionary<string, string[]> { [result.Field!] = [error] })
            : Results.Created($"/api/watchlist/{result.Watch!.Id}", (await MineAsync(db, user.Name, cancellationToken)).Single(w => w.Id == result.Watch.Id));
    }

    /// <summary>The outcome of adding a watch: the watch (new, or the same one already there) or why not.</summary>
    internal sealed record AddResult(Watch? Watch, string? Error = null, string? Field = null, int Status = StatusCodes.Status400BadRequest);

    /// <summary>Adds a watch for <paramref name="owner"/>; the same actor or search twice gives the existing watch.</summary>
    internal static async Task<AddResult> AddAsync(NewsDeskDbContext db, string owner, int? actorId, string? query, TimeProvider clock, CancellationToken cancellationToken)
    {
        query = string.IsNullOrWhiteSpace(query) ? null : query.Trim();
        if ((actorId is null) == (query is null))
        {
            return new AddResult(null, "Give either actorId (an actor to follow) or query (words that must all occur), not both or neither.", "actorId");
        }

        if (query is not null && (query.Length > WatchConfiguration.MaxQueryLength || SavedSearch.Words(query).Count == 0))
        {
            return new AddResult(null, $"A saved search has 1 to {WatchConfiguration.MaxQueryLength} characters with at least one word.", "query");
        }

        if (actorId is { } id && !await db.Actors.AnyAsync(a => a.Id == id, cancellationToken))
        {
            return new AddResult(null, $"There is no actor {id}.", "actorId", StatusCodes.Status404NotFound);
        }

        var existing = await db.Watches.FirstOrDefaultAsync(w => w.Owner == owner && w.ActorId == actorId && w.Query == query, cancellationToken);
        if (existing is not null)
        {
            return new AddResult(existing);
        }

        if (await db.Watches.CountAsync(w => w.Owner == owner, cancellationToken) >= WatchConfiguration.MaxPerOwner)
        {
            return new AddResult(null, $"An editor keeps at most {WatchConfiguration.MaxPerOwner} watches; remove one first.", "actorId");
        }

        var watch = new Watch { Owner = owner, ActorId = actorId, Query = query, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Watches.Add(watch);
        await db.SaveChangesAsync(cancellationToken);
        return new AddResult(watch);
    }

    private static async Task<IResult> DeleteAsync(int id, NewsDeskDbContext db, CurrentActor user, CancellationToken cancellationToken)
    {
        var watch = await db.Watches.FirstOrDefaultAsync(w => w.Id == id && w.Owner == user.Name, cancellationToken);
        if (watch is null)
        {
            return Results.Problem(title: "Watch not found.", detail: $"You have no watch {id}.", statusCode: StatusCodes.Status404NotFound);
        }

        db.Watches.Remove(watch);
        await db.SaveChangesAsync(cancellationToken);
        return Results.NoContent();
    }

    private static async Task<IResult> ArticlesAsync(DateTime? since, int? limit, NewsDeskDbContext db, CurrentActor user, CancellationToken cancellationToken) =>
        Results.Ok(await WatchlistQueries.ArticlesAsync(db, user.Name, since?.ToUniversalTime(), Math.Clamp(limit ?? 50, 1, 500), cancellationToken));
}
