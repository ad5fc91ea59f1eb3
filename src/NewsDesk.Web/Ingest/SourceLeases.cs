using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsDesk.Web.Data;

namespace NewsDesk.Web.Ingest;

/// <summary>This app instance's name in source claims: unique per host, so two hosts in one process differ too.</summary>
public sealed class IngestInstance
{
    public string Id { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>
    /// Sources whose claim this instance could not end when their fetch ended (the database was unreachable then):
    /// ended at this instance's next claim, so an outage does not hold a source back for the rest of its lease.
    /// </summary>
    internal System.Collections.Concurrent.ConcurrentDictionary<int, bool> ClaimsLeftOver { get; } = new();
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

    public async Task<IReadOnlyList<ClaimedSource>> ClaimDueAsync(int limit, CancellationToken cancellationToken)
    {
        await ReleaseLeftOverAsync(cancellationToken);
        await ReleaseAbandonedAsync(cancellationToken);
        return await engine.ClaimDueSourcesAsync(db, instance.Id, Now, Until, limit, cancellationToken);
    }

    /// <summary>Claims (or renews this instance's claim on) one source; false while another instance holds it.</summary>
    public async Task<bool> TryClaimAsync(int sourceId, CancellationToken cancellationToken)
    {
        await ReleaseLeftOverAsync(cancellationToken);
        await ReleaseAbandonedAsync(cancellationToken);
        var now = Now;
        var until = Until;
        var owner = instance.Id;
        return await db.Sources
            .Where(s => s.Id == sourceId && (s.LeaseUntil == null || s.LeaseUntil < now || s.LeaseOwner == owner))
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.LeaseOwner, owner).SetProperty(s => s.LeaseUntil, until), cancellationToken) == 1;
    }

    /// <summary>
    /// Ends the claims of instances on this machine whose process is gone (killed, crashed): the next start would
    /// otherwise wait out their lease before fetching those sources again. Claims of other machines run out by time;
    /// a process id reused by another program only makes a claim wait for its lease, never take a live one.
    /// </summary>
    private async Task ReleaseAbandonedAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var local = Environment.MachineName + "/";
        var owners = await db.Sources.Where(s => s.LeaseOwner != null && s.LeaseUntil >= now && s.LeaseOwner.StartsWith(local))
            .Select(s => s.LeaseOwner!).Distinct().ToListAsync(cancellationToken);
        var gone = owners.Where(owner => owner != instance.Id && !IsRunning(owner[local.Length..])).ToList();
        if (gone.Count > 0)
        {
            await db.Sources.Where(s => gone.Contains(s.LeaseOwner!))
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.LeaseOwner, (string?)null).SetProperty(s => s.LeaseUntil, (DateTime?)null), cancellationToken);
        }
    }

    private static bool IsRunning(string ownerAfterMachine)
    {
        var slash = ownerAfterMachine.IndexOf('/', StringComparison.Ordinal);
        if (!int.TryParse(slash < 0 ? ownerAfterMachine : ownerAfterMachine[..slash], out var processId))
        {
            return true; // not ours to judge
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
    }

    /// <summary>Ends this instance's claim, so the source's next due time is the only thing that holds it back.</summary>
    public async Task ReleaseAsync(int sourceId)
    {
        try
        {
            // Not cancellable: a stopping instance still lets go of what it held.
            await ClearOwnClaimsAsync([sourceId], CancellationToken.None);
            instance.ClaimsLeftOver.TryRemove(sourceId, out _);
        }
        catch (Exception)
        {
            instance.ClaimsLeftOver[sourceId] = true;
            throw;
        }
    }

    private async Task ReleaseLeftOverAsync(CancellationToken cancellationToken)
    {
        if (instance.ClaimsLeftOver.IsEmpty)
        {
            return;
        }

        // Only this instance's own claims, and none is running: a fetch claims through here, so its source left the
        // set (released, then claimed again) before it started.
        var ids = instance.ClaimsLeftOver.Keys.ToList();
        await ClearOwnClaimsAsync(ids, cancellationToken);
        foreach (var id in ids)
        {
            instance.ClaimsLeftOver.TryRemove(id, out _);
        }
    }

    private Task<int> ClearOwnClaimsAsync(IReadOnlyCollection<int> sourceIds, CancellationToken cancellationToken)
    {
        var owner = instance.Id;
        return db.Sources.Where(s => sourceIds.Contains(s.Id) && s.LeaseOwner == owner)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.LeaseOwner, (string?)null).SetProperty(s => s.LeaseUntil, (DateTime?)null), cancellationToken);
    }
}
