using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace NewsDesk.Web.Data;

/// <summary>
/// Tells <see cref="NewsDeskDbContext"/> when its transaction has ended, so the store version moves only after a
/// commit. It only forwards; the order of what happens around a save lives in the context's save pipeline.
/// </summary>
public sealed class CommitHook : DbTransactionInterceptor
{
    public static readonly CommitHook Instance = new();

    /// <summary>Whether these options already carry the hook (the pool's do: <see cref="StoreEngine.CreateOptions"/>).</summary>
    public static bool IsIn(DbContextOptions options) =>
        options.FindExtension<CoreOptionsExtension>()?.Interceptors?.Contains(Instance) == true;

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData, committed: true);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(eventData, committed: true);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData, committed: false);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(eventData, committed: false);
        return Task.CompletedTask;
    }

    private static void Ended(TransactionEndEventData eventData, bool committed) =>
        (eventData.Context as NewsDeskDbContext)?.TransactionEnded(committed);
}
