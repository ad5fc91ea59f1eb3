using NewsDesk.Web.Data.Auditing;

namespace NewsDesk.Web.Data;

/// <summary>
/// What a <see cref="NewsDeskDbContext"/> needs from the scope it serves: who is acting (stamped on records and the
/// audit trail), the clock, and the store version to tell after a commit. Given to a pooled context on every rent and
/// taken away when it goes back (ADR 1900), so no scope's actor outlives it.
/// </summary>
public sealed record StoreContextUse(CurrentActor? Actor, TimeProvider Clock, StoreVersion? Version)
{
    /// <summary>A context made outside the pool (tools, design time, another process in tests): the system, the real clock, no version.</summary>
    public static StoreContextUse Standalone { get; } = new(null, TimeProvider.System, null);

    /// <summary>The audit trail's writer for this scope's saves.</summary>
    public AuditRecorder Audit { get; } = new(Actor, Clock);

    /// <summary>The use a scope's services describe: its <see cref="CurrentActor"/>, the app's clock and store version.</summary>
    public static StoreContextUse Of(IServiceProvider scope) => new(
        scope.GetService<CurrentActor>(), scope.GetRequiredService<TimeProvider>(), scope.GetService<StoreVersion>());
}
