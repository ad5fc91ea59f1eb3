using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Records;
using NewsDesk.Web.Domain;
using static NewsDesk.Web.Api.IncidentsApi;

namespace NewsDesk.Web.Api;

/// <summary>/api/claims: search by text or claimant, read, create, change (merge patch with the version last read).</summary>
public static class ClaimsApi
{
    public sealed record ClaimDto(int Id, string Text, RecordRef? Claimant, RecordRef? RelayedBy, ClaimKind Kind, RecordRef? Incident,
        DateOnly? Date, ClaimAssessment Assessment, string? AssessmentNote, int Version);

    public sealed record ClaimRequest(string? Text, int? ClaimantId, int? RelayedById, string? Kind, int? IncidentId, DateOnly? Date,
        string? Assessment, string? AssessmentNote);

    public static RouteGroupBuilder MapClaimsApi(this RouteGroupBuilder api)
    {
        var claims = api.MapGroup("/claims").WithTags("Claims");
        claims.MapGet("/", ListAsync).WithName("ListClaims");
        claims.MapGet("/{id:int}", GetAsync).WithName("GetClaim");
        claims.MapPost("/", CreateAsync).WithName("CreateClaim");
        claims.MapPatch("/{id:int}", PatchAsync).WithName("UpdateClaim");
        return api;
    }

    private static async Task<IResult> ListAsync(string? q, int? limit, NewsDeskDbContext db, CancellationToken cancellationToken) =>
        Results.Ok(await Project(db.Claims.AsNoTracking().Matching(q).Take(Math.Clamp(limit ?? 20, 1, 200))).ToListAsync(cancellationToken));

    private static async Task<IResult> GetAsync(int id, NewsDeskDbContext db, CancellationToken cancellationToken) =>
        await Project(db.Claims.AsNoTracking().Where(c => c.Id == id)).FirstOrDefaultAsync(cancellationToken) is { } claim
            ? Results.Ok(claim)
            : NotFound(id);

    private static async Task<IResult> CreateAsync(ClaimRequest request, NewsDeskDbContext db, CancellationToken cancellationToken)
    {
        var validation = new ApiValidation();
        var claim = new Claim { Text = "" };
        await ApplyAsync(request, claim, validation, db, cancellationToken);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        db.Claims.Add(claim);
        await db.SaveChangesAsync(cancellationToken);
        var created = await Project(db.Claims.AsNoTracking().Where(c => c.Id == claim.Id)).SingleAsync(cancellationToken);
        return Results.Created($"/api/claims/{claim.Id}", created);
    }

    /// <summary>
    /// Changes the fields a merge patch names (<see cref="RecordPatch"/>), with the version last read: 409 with the
    /// claim as it is now when someone saved it since. The reviewer and review date the request has no field for are kept.
    /// </summary>
    private static async Task<IResult> PatchAsync(int id, JsonObject patch, NewsDeskDbContext db, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var claim = await db.Claims.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (claim is null)
        {
            return NotFound(id);
        }

        var validation = new ApiValidation();
        var (request, version) = RecordPatch.Merge(RequestOf(claim), patch, json.Value.SerializerOptions, validation);
        if (request is null)
        {
            return validation.Problem();
        }

        if (claim.Version != version)
        {
            return await ConflictAsync(id, version, db, cancellationToken);
        }

        await ApplyAsync(request, claim, validation, db, cancellationToken);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var outcome = await VersionedEdit.SaveAsync(db, claim, version, () => { }, cancellationToken);
        if (!outcome.Saved)
        {
            return outcome.CurrentVersion is null ? NotFound(id) : await ConflictAsync(id, version, db, cancellationToken);
        }

        return Results.Ok(await Project(db.Claims.AsNoTracking().Where(c => c.Id == id)).SingleAsync(cancellationToken));
    }

    private static async Task<IResult> ConflictAsync(int id, int readVersion, NewsDeskDbContext db, CancellationToken cancellationToken)
    {
        var current = await Project(db.Claims.AsNoTracking().Where(c => c.Id == id)).SingleAsync(cancellationToken);
        return RecordPatch.Conflict("claim", readVersion, current.Version, current);
    }

    private static IResult NotFound(int id) =>
        Results.Problem(title: "Claim not found.", detail: $"There is no claim {id} (it may have been deleted).", statusCode: StatusCodes.Status404NotFound);

    /// <summary>The claim as the create request that would make it, the base a patch is laid over.</summary>
    private static ClaimRequest RequestOf(Claim c) =>
        new(c.Text, c.ClaimantId, c.RelayedById, c.Kind.ToString(), c.IncidentId, c.ClaimDate, c.Assessment.ToString(), c.AssessmentNote);

    /// <summary>Checks a create or merged patch request and copies it onto the claim; problems go to validation.</summary>
    private static async Task ApplyAsync(ClaimRequest request, Claim claim, ApiValidation validation, NewsDeskDbContext db, CancellationToken cancellationToken)
    {
        claim.Text = validation.Required(request.Text, "text", 4000) ?? "";
        claim.ClaimantId = request.ClaimantId;
        claim.RelayedById = request.RelayedById;
        claim.Kind = validation.Enum(request.Kind, "kind", ClaimKind.Other);
        claim.IncidentId = request.IncidentId;
        claim.ClaimDate = request.Date;
        claim.Assessment = validation.Enum(request.Assessment, "assessment", ClaimAssessment.Unverified);
        claim.AssessmentNote = validation.Optional(request.AssessmentNote, "assessmentNote", 4000);
        foreach (var (actorId, field) in new[] { (request.ClaimantId, "claimantId"), (request.RelayedById, "relayedById") })
        {
            if (actorId is { } id && !await db.Actors.AnyAsync(a => a.Id == id, cancellationToken))
            {
                validation.Add(field, $"There is no actor {id}.");
            }
        }

        if (request.IncidentId is { } incidentId && !await db.Incidents.AnyAsync(i => i.Id == incidentId, cancellationToken))
        {
            validation.Add("incidentId", $"There is no incident {incidentId}.");
        }
    }

    private static IQueryable<ClaimDto> Project(IQueryable<Claim> claims) => claims.Select(c => new ClaimDto(
        c.Id, c.Text,
        c.Claimant == null ? null : new RecordRef(c.Claimant.Id, c.Claimant.Name),
        c.RelayedBy == null ? null : new RecordRef(c.RelayedBy.Id, c.RelayedBy.Name),
        c.Kind,
        c.Incident == null ? null : new RecordRef(c.Incident.Id, c.Incident.Title),
        c.ClaimDate, c.Assessment, c.AssessmentNote, c.Version));
}
