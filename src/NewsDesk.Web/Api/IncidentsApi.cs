using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Records;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Api;

/// <summary>/api/incidents: search by title or place, read, create, change (merge patch with the version last read).</summary>
public static class IncidentsApi
{
    public sealed record RecordRef(int Id, string Name);

    public sealed record IncidentDto(int Id, string Title, DateOnly? Date, DatePrecision DatePrecision, string? Location, string? Admin1,
        string? Country, double? Latitude, double? Longitude, int? GeoPrecision, IncidentType? Type, string? SubType, int? Fatalities,
        IncidentStatus Status, string? Notes, IReadOnlyList<RecordRef> Perpetrators, IReadOnlyList<RecordRef> Targets, int Version,
        string? Admin2 = null);

    public sealed record IncidentRequest(string? Title, DateOnly? Date, string? DatePrecision, string? Location, string? Admin1, string? Country,
        double? Latitude, double? Longitude, int? GeoPrecision, string? Type, string? SubType, int? Fatalities, string? Status, string? Notes,
        IReadOnlyList<int>? PerpetratorIds, IReadOnlyList<int>? TargetIds, string? Admin2 = null);

    public static RouteGroupBuilder MapIncidentsApi(this RouteGroupBuilder api)
    {
        var incidents = api.MapGroup("/incidents").WithTags("Incidents");
        incidents.MapGet("/", ListAsync).WithName("ListIncidents");
        incidents.MapGet("/{id:int}", GetAsync).WithName("GetIncident");
        incidents.MapPost("/", CreateAsync).WithName("CreateIncident");
        incidents.MapPatch("/{id:int}", PatchAsync).WithName("UpdateIncident");
        return api;
    }

    private static async Task<IResult> ListAsync(string? q, int? limit, NewsDeskDbContext db, CancellationToken cancellationToken) =>
        Results.Ok(await Project(db.Incidents.AsNoTracking().Matching(q).Take(Math.Clamp(limit ?? 20, 1, 200))).ToListAsync(cancellationToken));

    private static async Task<IResult> GetAsync(int id, NewsDeskDbContext db, CancellationToken cancellationToken) =>
        await Project(db.Incidents.AsNoTracking().Where(i => i.Id == id)).FirstOrDefaultAsync(cancellationToken) is { } incident
            ? Results.Ok(incident)
            : NotFound(id);

    private static async Task<IResult> CreateAsync(IncidentRequest request, NewsDeskDbContext db, CancellationToken cancellationToken)
    {
        var validation = new ApiValidation();
        var incident = new Incident { Title = "" };
        await ApplyAsync(request, incident, validation, db, cancellationToken);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        db.Incidents.Add(incident);
        await db.SaveChangesAsync(cancellationToken);
        var created = await Project(db.Incidents.AsNoTracking().Where(i => i.Id == incident.Id)).SingleAsync(cancellationToken);
        return Results.Created($"/api/incidents/{incident.Id}", created);
    }

    /// <summary>
    /// Changes the fields a merge patch names (<see cref="RecordPatch"/>), with the version last read: 409 with the
    /// incident as it is now when someone saved it since. Perpetrators and targets are replaced as lists; the UCDP
    /// and ACLED extras the request has no field for are kept.
    /// </summary>
    private static async Task<IResult> PatchAsync(int id, JsonObject patch, NewsDeskDbContext db, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.Include(i => i.Actors).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (incident is null)
        {
            return NotFound(id);
        }

        var validation = new ApiValidation();
        var (request, version) = RecordPatch.Merge(RequestOf(incident), patch, json.Value.SerializerOptions, validation);
        if (request is null)
        {
            return validation.Problem();
        }

        if (incident.Version != version)
        {
            return await ConflictAsync(id, version, db, cancellationToken);
        }

        await ApplyAsync(request, incident, validation, db, cancellationToken);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var outcome = await VersionedEdit.SaveAsync(db, incident, version, () => { }, cancellationToken);
        if (!outcome.Saved)
        {
            return outcome.CurrentVersion is null ? NotFound(id) : await ConflictAsync(id, version, db, cancellationToken);
        }

        return Results.Ok(await Project(db.Incidents.AsNoTracking().Where(i => i.Id == id)).SingleAsync(cancellationToken));
    }

    private static async Task<IResult> ConflictAsync(int id, int readVersion, NewsDeskDbContext db, CancellationToken cancellationToken)
    {
        var current = await Project(db.Incidents.AsNoTracking().Where(i => i.Id == id)).SingleAsync(cancellationToken);
        return RecordPatch.Conflict("incident", readVersion, current.Version, current);
    }

    private static IResult NotFound(int id) =>
        Results.Problem(title: "Incident not found.", detail: $"There is no incident {id} (it may have been deleted or merged into another).", statusCode: StatusCodes.Status404NotFound);

    /// <summary>The incident as the create request that would make it, the base a patch is laid over.</summary>
    private static IncidentRequest RequestOf(Incident i) => new(i.Title, i.Date, i.DatePrecision.ToString(), i.Location, i.Admin1, i.Country,
        i.Latitude, i.Longitude, i.GeoPrecision, i.Type?.ToString(), i.SubType, i.Fatalities, i.Status.ToString(), i.Notes,
        [.. i.Actors.Where(r => r.Role == IncidentRole.Perpetrator).Select(r => r.ActorId)],
        [.. i.Actors.Where(r => r.Role == IncidentRole.Target).Select(r => r.ActorId)], i.Admin2);

    /// <summary>Checks a create or merged patch request and copies it onto the incident; problems go to validation.</summary>
    private static async Task ApplyAsync(IncidentRequest request, Incident incident, ApiValidation validation, NewsDeskDbContext db, CancellationToken cancellationToken)
    {
        incident.Title = validation.Required(request.Title, "title", 500) ?? "";
        incident.Date = request.Date;
        incident.DatePrecision = validation.Enum(request.DatePrecision, "datePrecision", DatePrecision.Day);
        incident.Location = validation.Optional(request.Location, "location", 300);
        incident.Admin1 = validation.Optional(request.Admin1, "admin1", 300);
        incident.Admin2 = validation.Optional(request.Admin2, "admin2", 300);
        incident.Country = validation.Optional(request.Country, "country", 100);
        incident.Latitude = request.Latitude;
        incident.Longitude = request.Longitude;
        incident.GeoPrecision = request.GeoPrecision;
        incident.Type = request.Type is null ? null : validation.Enum(request.Type, "type", IncidentType.StrategicDevelopments);
        incident.SubType = validation.Optional(request.SubType, "subType", 100);
        incident.Fatalities = request.Fatalities;
        incident.Status = validation.Enum(request.Status, "status", IncidentStatus.Reported);
        incident.Notes = validation.Optional(request.Notes, "notes", 8000);
        if (request.Latitude is < -90 or > 90)
        {
            validation.Add("latitude", "latitude must be between -90 and 90.");
        }

        if (request.Longitude is < -180 or > 180)
        {
            validation.Add("longitude", "longitude must be between -180 and 180.");
        }

        if (request.GeoPrecision is < 1 or > 3)
        {
            validation.Add("geoPrecision", "geoPrecision is ACLED's 1 (the place), 2 (near it) or 3 (a larger region).");
        }

        if (request.Fatalities is < 0)
        {
            validation.Add("fatalities", "fatalities cannot be negative; leave it out when unknown.");
        }

        await SetRolesAsync(incident, request.PerpetratorIds, IncidentRole.Perpetrator, "perpetratorIds", validation, db, cancellationToken);
        await SetRolesAsync(incident, request.TargetIds, IncidentRole.Target, "targetIds", validation, db, cancellationToken);
    }

    /// <summary>Makes the incident's actors in one role exactly <paramref name="actorIds"/>, keeping the rows that stay.</summary>
    private static async Task SetRolesAsync(Incident incident, IReadOnlyList<int>? actorIds, IncidentRole role, string field,
        ApiValidation validation, NewsDeskDbContext db, CancellationToken cancellationToken)
    {
        var wanted = (actorIds ?? []).Distinct().ToList();
        incident.Actors.RemoveAll(r => r.Role == role && !wanted.Contains(r.ActorId));
        foreach (var actorId in wanted.Where(a => !incident.Actors.Any(r => r.Role == role && r.ActorId == a)))
        {
            if (await db.Actors.AnyAsync(a => a.Id == actorId, cancellationToken))
            {
                incident.Actors.Add(new IncidentActor { ActorId = actorId, Role = role });
            }
            else
            {
                validation.Add(field, $"There is no actor {actorId}.");
            }
        }
    }

    private static IQueryable<IncidentDto> Project(IQueryable<Incident> incidents) => incidents.Select(i => new IncidentDto(
        i.Id, i.Title, i.Date, i.DatePrecision, i.Location, i.Admin1, i.Country, i.Latitude, i.Longitude, i.GeoPrecision, i.Type, i.SubType,
        i.Fatalities, i.Status, i.Notes,
        i.Actors.Where(r => r.Role == IncidentRole.Perpetrator).Select(r => new RecordRef(r.ActorId, r.Actor!.Name)).ToList(),
        i.Actors.Where(r => r.Role == IncidentRole.Target).Select(r => new RecordRef(r.ActorId, r.Actor!.Name)).ToList(),
        i.Version, i.Admin2));
}
