using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Records;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Api;

/// <summary>/api/incidents: search by title or place, read, create.</summary>
public static class IncidentsApi
{
    public sealed record RecordRef(int Id, string Name);

    public sealed record IncidentDto(int Id, string Title, DateOnly? Date, DatePrecision DatePrecision, string? Location, string? Admin1,
        string? Country, double? Latitude, double? Longitude, int? GeoPrecision, IncidentType? Type, string? SubType, int? Fatalities,
        IncidentStatus Status, string? Notes, IReadOnlyList<RecordRef> Perpetrators, IReadOnlyList<RecordRef> Targets, int Version);

    public sealed record IncidentRequest(string? Title, DateOnly? Date, string? DatePrecision, string? Location, string? Admin1, string? Country,
        double? Latitude, double? Longitude, int? GeoPrecision, string? Type, string? SubType, int? Fatalities, string? Status, string? Notes,
        IReadOnlyList<int>? PerpetratorIds, IReadOnlyList<int>? TargetIds);

    public static RouteGroupBuilder MapIncidentsApi(this RouteGroupBuilder api)
    {
        var incidents = api.MapGroup("/incidents").WithTags("Incidents");
        incidents.MapGet("/", ListAsync).WithName("ListIncidents");
        incidents.MapGet("/{id:int}", GetAsync).WithName("GetIncident");
        incidents.MapPost("/", CreateAsync).WithName("CreateIncident");
        return api;
    }

    private static async Task<IResult> ListAsync(string? q, int? limit, NewsDeskDbContext db, CancellationToken cancellationToken) =>
        Results.Ok(await Project(db.Incidents.AsNoTracking().Matching(q).Take(Math.Clamp(limit ?? 20, 1, 200))).ToListAsync(cancellationToken));

    private static async Task<IResult> GetAsync(int id, NewsDeskDbContext db, CancellationToken cancellationToken) =>
        await Project(db.Incidents.AsNoTracking().Where(i => i.Id == id)).FirstOrDefaultAsync(cancellationToken) is { } incident
            ? Results.Ok(incident)
            : Results.Problem(title: "Incident not found.", detail: $"There is no incident {id}.", statusCode: StatusCodes.Status404NotFound);

    private static async Task<IResult> CreateAsync(IncidentRequest request, NewsDeskDbContext db, CancellationToken cancellationToken)
    {
        var validation = new ApiValidation();
        var incident = new Incident
        {
            Title = validation.Required(request.Title, "title", 500) ?? "",
            Date = request.Date,
            DatePrecision = validation.Enum(request.DatePrecision, "datePrecision", DatePrecision.Day),
            Location = validation.Optional(request.Location, "location", 300),
            Admin1 = validation.Optional(request.Admin1, "admin1", 300),
            Country = validation.Optional(request.Country, "country", 100),
            Latitude = request.Latitude,
            Longitude = request.Longitude,
            GeoPrecision = request.GeoPrecision,
            Type = request.Type is null ? null : validation.Enum(request.Type, "type", IncidentType.StrategicDevelopments),
            SubType = validation.Optional(request.SubType, "subType", 100),
            Fatalities = request.Fatalities,
            Status = validation.Enum(request.Status, "status", IncidentStatus.Reported),
            Notes = validation.Optional(request.Notes, "notes", 8000),
        };
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

        await AddRolesAsync(incident, request.PerpetratorIds, IncidentRole.Perpetrator, "perpetratorIds", validation, db, cancellationToken);
        await AddRolesAsync(incident, request.TargetIds, IncidentRole.Target, "targetIds", validation, db, cancellationToken);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        db.Incidents.Add(incident);
        await db.SaveChangesAsync(cancellationToken);
        var created = await Project(db.Incidents.AsNoTracking().Where(i => i.Id == incident.Id)).SingleAsync(cancellationToken);
        return Results.Created($"/api/incidents/{incident.Id}", created);
    }

    private static async Task AddRolesAsync(Incident incident, IReadOnlyList<int>? actorIds, IncidentRole role, string field,
        ApiValidation validation, NewsDeskDbContext db, CancellationToken cancellationToken)
    {
        foreach (var actorId in (actorIds ?? []).Distinct())
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
        i.Version));
}
