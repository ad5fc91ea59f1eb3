using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsDesk.Web.Data;

namespace NewsDesk.Web.Ingest;

/// <summary>This app instance's name in source claims: unique per host, so two hosts in one process differ too.</summary>
public sealed class IngestInstance
{
    public string Id { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
}

/// <summary>
/// Claims on sources, so that only one instance fetches a source at a time however many run on one database:
/// the worker claims due sources in one statement (<see cref="StoreEngine.ClaimDueSourcesAsync"/>), a direct fetch
/// (<c>scrape --once</c>, adding a source) claims its one source with a conditional UPDATE, and a claim runs out
/// after <see cref="IngestOptions.SourceLease"/> when its instance dies. The statements bypass the change tracker
/// on purpose: a claim is bookkeeping, not an edit (no audit entry, no new page-cache version).
/// </summary>
public sealed class SourceLeases(NewsDeskDbContext db, StoreEngine engine, IngestInstance instance, IOptions<IngestOptions> options, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateTime Until => Now + options.Value.SourceLease;

    public Task<IReadOnlyList<ClaimedSource>> ClaimDueAsync(int limit, CancellationToken cancellationToken) =>
        engine.ClaimDueSourcesAsync(db, instance.Id, Now, Until, limit, cancellationToken);

    /// <summary>Claims (or renews this instance's claim on) one source; false while another instance holds it.</summary>
    public async Task<bool> TryClaimAsync(int sourceId, CancellationToken cancellationToken)
    {
        var now = Now;
        var until = Until;
        var owner = instance.Id;
        return await db.Sources
            .Where(s => s.Id == sourceId && (s.LeaseUntil == null || s.LeaseUntil < now || s.LeaseOwner == owner))
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.LeaseOwner, owner).SetProperty(s => s.LeaseUntil, until), cancellationToken) == 1;
    }

    /// <summary>Ends this instance's claim, so the source's next due time is the only thing that holds it back.</summary>
    public async Task ReleaseAsync(int sourceId)
    {
        var owner = instance.Id;
        // Not cancellable: a stopping instance still lets go of what it held.
        await db.Sources.Where(s => s.Id == sourceId && s.LeaseOwner == owner)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.LeaseOwner, (string?)null).SetProperty(s => s.LeaseUntil, (DateTime?)null), CancellationToken.None);
    }
}
