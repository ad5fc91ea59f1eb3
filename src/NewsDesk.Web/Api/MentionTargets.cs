using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Api;

/// <summary>
/// A record created on the fly while tagging. <c>name</c> is the actor's name, the incident's title or the
/// claim's paraphrase; <c>kind</c> is an actor kind or a claim kind; the rest is optional.
/// </summary>
public sealed record NewRecordRequest(string? Name, string? Kind, string? Country, string? Description, int? ClaimantId, int? IncidentId);

/// <summary>Reads and resolves what a mention points to: an existing record by id, or a new one.</summary>
public static class MentionTargets
{
    public sealed record Target(RecordType Type, int? Id, NewRecordRequest? New);

    public sealed record Resolved(RecordType Type, int Id, IResult? Error);

    public static Target? Read(string? entityType, int? entityId, NewRecordRequest? newEntity, ApiValidation validation)
    {
        RecordType? type = entityType?.Trim().ToLowerInvariant() switch
        {
            "actor" => RecordType.Actor,
            "incident" => RecordType.Incident,
            "claim" => RecordType.Claim,
            _ => null,
        };
        if (type is null)
        {
            validation.Add("entityType", "entityType must be \"actor\", \"incident\" or \"claim\".");
        }

        if ((entityId is null) == (newEntity is null))
        {
            validation.Add("entityId", "Give either entityId (an existing record) or newEntity (a record to create), not both or neither.");
        }

        if (newEntity is not null && type is not null)
        {
            validation.Required(newEntity.Name, "newEntity.name", type == RecordType.Incident ? 500 : type == RecordType.Claim ? 4000 : 300);
            if (type == RecordType.Actor)
            {
                validation.Enum(newEntity.Kind, "newEntity.kind", ActorKind.Other);
            }
            else if (type == RecordType.Claim)
            {
                validation.Enum(newEntity.Kind, "newEntity.kind", ClaimKind.Other);
            }
        }

        return type is null ? null : new Target(type.Value, entityId, newEntity);
    }

    /// <summary>Finds the record (404 when unknown) or adds the new one and saves it to get its id.</summary>
    public static async Task<Resolved> ResolveAsync(Target target, NewsDeskDbContext db, CancellationToken cancellationToken)
    {
        if (target.Id is { } id)
        {
            var exists = target.Type switch
            {
                RecordType.Actor => await db.Actors.AnyAsync(a => a.Id == id, cancellationToken),
                RecordType.Incident => await db.Incidents.AnyAsync(i => i.Id == id, cancellationToken),
                _ => await db.Claims.AnyAsync(c => c.Id == id, cancellationToken),
            };
            return exists
                ? new Resolved(target.Type, id, null)
                : new Resolved(target.Type, id, Results.Problem(
                    title: "Record not found.",
                    detail: $"There is no {target.Type.ToString().ToLowerInvariant()} with id {id}.",
                    statusCode: StatusCodes.Status404NotFound));
        }

        var request = target.New!;
        var validation = new ApiValidation();
        var name = request.Name!.Trim();
        EditableRecord record = target.Type switch
        {
            RecordType.Actor => new Actor
            {
                Name = name,
                Kind = validation.Enum(request.Kind, "kind", ActorKind.Other),
                Country = validation.Optional(request.Country, "country", 100),
                Description = validation.Optional(request.Description, "description", 4000),
            },
            RecordType.Incident => new Incident
            {
                Title = name,
                Country = validation.Optional(request.Country, "country", 100),
                Notes = validation.Optional(request.Description, "description", 8000),
            },
            _ => new Claim
            {
                Text = name,
                Kind = validation.Enum(request.Kind, "kind", ClaimKind.Other),
                ClaimantId = request.ClaimantId is { } claimant && await db.Actors.AnyAsync(a => a.Id == claimant, cancellationToken) ? claimant : null,
                IncidentId = request.IncidentId is { } incident && await db.Incidents.AnyAsync(i => i.Id == incident, cancellationToken) ? incident : null,
            },
        };
        db.Add((object)record);
        await db.SaveChangesAsync(cancellationToken);
        return new Resolved(target.Type, record.Id, null);
    }
}
