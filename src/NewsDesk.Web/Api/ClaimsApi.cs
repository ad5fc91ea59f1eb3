using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Records;
using NewsDesk.Web.Domain;
using static NewsDesk.Web.Api.IncidentsApi;

namespace NewsDesk.Web.Api;

/// <summary>/api/claims: search by text or claimant, read, create.</summary>
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
        return api;
    }

    private static async Task<IResult> ListAsync(string? q, int? limit, NewsDeskDbContext db, CancellationToken cancellationToken) =>
        Results.Ok(await Project(db.Claims.AsNoTracking().Matching(q).Take(Math.Clamp(limit ?? 20, 1, 200))).ToListAsync(cancellationToken));

    private static async Task<IResult> GetAsync(int id, NewsDeskDbContext db, CancellationToken cancellationToken) =>
        await Project(db.Claims.AsNoTracking().Where(c => c.Id == id)).FirstOrDefaultAsync(cancellationToken) is { } claim
            ? Results.Ok(claim)
            : Results.Problem(title: "Claim not found.", detail: $"There is no claim {id}.", statusCode: StatusCodes.Status404NotFound);

    private static async Task<IResult> CreateAsync(ClaimRequest request, NewsDeskDbContext db, CancellationToken cancellationToken)
    {
        var validation = new ApiValidation();
        var claim = new Claim
        {
            Text = validation.Required(request.Text, "text", 4000) ?? "",
            ClaimantId = request.ClaimantId,
            RelayedById = request.RelayedById,
            Kind = validation.Enum(request.Kind, "kind", ClaimKind.Other),
            IncidentId = request.IncidentId,
            ClaimDate = request.Date,
            Assessment = validation.Enum(request.Assessment, "assessment", ClaimAssessment.Unverified),
            AssessmentNote = validation.Optional(request.AssessmentNote, "assessmentNote", 4000),
        };
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

        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        db.Claims.Add(claim);
        await db.SaveChangesAsync(cancellationToken);
        var created = await Project(db.Claims.AsNoTracking().Where(c => c.Id == claim.Id)).SingleAsync(cancellationToken);
        return Results.Created($"/api/claims/{claim.Id}", created);
    }

    private static IQueryable<ClaimDto> Project(IQueryable<Claim> claims) => claims.Select(c => new ClaimDto(
        c.Id, c.Text,
        c.Claimant == null ? null : new RecordRef(c.Claimant.Id, c.Claimant.Name),
        c.RelayedBy == null ? null : new RecordRef(c.RelayedBy.Id, c.RelayedBy.Name),
        c.Kind,
        c.Incident == null ? null : new RecordRef(c.Incident.Id, c.Incident.Title),
        c.ClaimDate, c.Assessment, c.AssessmentNote, c.Version));
}
