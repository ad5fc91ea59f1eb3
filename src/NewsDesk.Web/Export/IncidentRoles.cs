using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Export;

/// <summary>An actor as the incident files name it.</summary>
public sealed record RoleActor(int Id, string Name, ActorKind Kind, AcledActorType? AcledType);

/// <summary>
/// An incident's actors in ACLED's terms: actor1 is the first perpetrator (lowest id), actor2 the first target;
/// assoc_actor_1/2 are the actors associated with them in this event; further perpetrators and targets are
/// NewsDesk's own columns, since ACLED has one actor per side.
/// </summary>
public sealed record IncidentSides(
    RoleActor? Actor1, IReadOnlyList<RoleActor> Actor1Associates, RoleActor? Actor2, IReadOnlyList<RoleActor> Actor2Associates,
    IReadOnlyList<RoleActor> OtherPerpetrators, IReadOnlyList<RoleActor> OtherTargets);

/// <summary>The roles of a batch of incidents, read with one query.</summary>
public sealed class IncidentRoles
{
    private readonly ILookup<(int IncidentId, IncidentRole Role), RoleActor> _roles;

    private IncidentRoles(ILookup<(int, IncidentRole), RoleActor> roles) => _roles = roles;

    public static async Task<IncidentRoles> ReadAsync(NewsDeskDbContext db, int[] incidentIds, CancellationToken cancellationToken) =>
        new((await db.IncidentActors.AsNoTracking()
                .Where(x => incidentIds.Contains(x.IncidentId)).OrderBy(x => x.ActorId)
                .Select(x => new { x.IncidentId, x.Role, Actor = new RoleActor(x.ActorId, x.Actor!.Name, x.Actor.Kind, x.Actor.AcledType) })
                .ToListAsync(cancellationToken))
            .ToLookup(x => (x.IncidentId, x.Role), x => x.Actor));

    public IncidentSides Of(int incidentId)
    {
        var perpetrators = _roles[(incidentId, IncidentRole.Perpetrator)].ToList();
        var targets = _roles[(incidentId, IncidentRole.Target)].ToList();
        return new IncidentSides(
            perpetrators.FirstOrDefault(), [.. _roles[(incidentId, IncidentRole.PerpetratorAssociate)]],
            targets.FirstOrDefault(), [.. _roles[(incidentId, IncidentRole.TargetAssociate)]],
            [.. perpetrators.Skip(1)], [.. targets.Skip(1)]);
    }
}
