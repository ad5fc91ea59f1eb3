using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Configurations;
using NewsDesk.Web.Data.Records;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Api;

/// <summary>/api/actors: search by name or alias, read, create.</summary>
public static class ActorsApi
{
    public sealed record ActorDto(int Id, string Name, ActorKind Kind, string? Country, string? Description, string? ExternalId,
        IReadOnlyList<string> Aliases, IReadOnlyList<AffiliationDto> Affiliations, int Version);

    public sealed record AffiliationDto(int ActorId, string Name, string? Relation);

    public sealed record AffiliationRequest(int ActorId, string? Relation);

    public sealed record ActorRequest(string? Name, string? Kind, string? Country, string? Description, string? ExternalId,
        IReadOnlyList<string>? Aliases, IReadOnlyList<AffiliationRequest>? Affiliations);

    public static RouteGroupBuilder MapActorsApi(this RouteGroupBuilder api)
    {
        var actors = api.MapGroup("/actors").WithTags("Actors");
        actors.MapGet("/", ListAsync).WithName("ListActors");
        actors.MapGet("/{id:int}", GetAsync).WithName("GetActor");
        actors.MapPost("/", CreateAsync).WithName("CreateActor");
        return api;
    }

    /// <summary>
    /// Actors with a word of their name or an alias starting with <paramref name="q"/> (case and accents folded), exact
    /// names first (<see cref="ActorNameIndex"/>); at most <paramref name="limit"/> (default 20, up to 200).
    /// </summary>
    private static async Task<IResult> ListAsync(string? q, int? limit, NewsDeskDbContext db, ActorNameIndex names, CancellationToken cancellationToken)
    {
        var take = Math.Clamp(limit ?? 20, 1, 200);
        if (string.IsNullOrWhiteSpace(q))
        {
            return Results.Ok(await Project(db.Actors.AsNoTracking().OrderBy(a => a.Name).Take(take)).ToListAsync(cancellationToken));
        }

        var ids = (await names.SearchAsync(db, q, take, cancellationToken)).ToList();
        var actors = await Project(db.Actors.AsNoTracking().Where(a => ids.Contains(a.Id))).ToListAsync(cancellationToken);
        return Results.Ok(actors.OrderBy(a => ids.IndexOf(a.Id)));
    }

    private static async Task<IResult> GetAsync(int id, NewsDeskDbContext db, CancellationToken cancellationToken) =>
        await Project(db.Actors.AsNoTracking().Where(a => a.Id == id)).FirstOrDefaultAsync(cancellationToken) is { } actor
            ? Results.Ok(actor)
            : Results.Problem(title: "Actor not found.", detail: $"There is no actor {id}.", statusCode: StatusCodes.Status404NotFound);

    private static async Task<IResult> CreateAsync(ActorRequest request, NewsDeskDbContext db, CancellationToken cancellationToken)
    {
        var validation = new ApiValidation();
        var actor = new Actor
        {
            Name = validation.Required(request.Name, "name", 300) ?? "",
            Kind = validation.Enum(request.Kind, "kind", ActorKind.Other),
            Country = validation.Optional(request.Country, "country", 100),
            Description = validation.Optional(request.Description, "description", 4000),
            ExternalId = validation.Optional(request.ExternalId, "externalId", 100),
        };
        // Checked on the raw list first, so a request with 100,000 aliases is refused before any of them is processed.
        if (ActorAliasConfiguration.Refusal(request.Aliases ?? []) is { } aliasRefusal)
        {
            validation.Add("aliases", aliasRefusal);
            return validation.Problem();
        }

        foreach (var alias in (request.Aliases ?? []).Select(a => validation.Optional(a, "aliases", ActorAliasConfiguration.MaxNameLength)).OfType<string>()
            .Where(a => !string.Equals(a, actor.Name, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            actor.Aliases.Add(new ActorAlias { Name = alias });
        }

        foreach (var link in (request.Affiliations ?? []).DistinctBy(l => l.ActorId))
        {
            if (!await db.Actors.AnyAsync(a => a.Id == link.ActorId, cancellationToken))
            {
                validation.Add("affiliations", $"There is no actor {link.ActorId} to be affiliated with.");
                continue;
            }

            actor.Affiliations.Add(new ActorAffiliation { AffiliateId = link.ActorId, Relation = validation.Optional(link.Relation, "affiliations.relation", 200) });
        }

        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        db.Actors.Add(actor);
        await db.SaveChangesAsync(cancellationToken);
        var created = await Project(db.Actors.AsNoTracking().Where(a => a.Id == actor.Id)).SingleAsync(cancellationToken);
        return Results.Created($"/api/actors/{actor.Id}", created);
    }

    private static IQueryable<ActorDto> Project(IQueryable<Actor> actors) => actors.Select(a => new ActorDto(
        a.Id, a.Name, a.Kind, a.Country, a.Description, a.ExternalId,
        a.Aliases.OrderBy(al => al.Name).Select(al => al.Name).ToList(),
        a.Affiliations.Select(l => new AffiliationDto(l.AffiliateId, l.Affiliate!.Name, l.Relation)).ToList(),
        a.Version));
}
