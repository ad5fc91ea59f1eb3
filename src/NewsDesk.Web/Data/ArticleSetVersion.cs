using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data;

/// <summary>A number that changes whenever articles are added, removed or edited through the app: a cache key for aggregates over articles.</summary>
public sealed class ArticleSetVersion
{
    private long _current;

    public long Current => Interlocked.Read(ref _current);

    public void Bump() => Interlocked.Increment(ref _current);
}

/// <summary>
/// Bumps <see cref="ArticleSetVersion"/> after a save that touched articles. It bumps once more after the commit:
/// a reader between the first bump and the commit could otherwise cache the old figures under the new version.
/// </summary>
public sealed class ArticleSetChangeInterceptor(ArticleSetVersion version) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _touched = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Settle(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Settle(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Settle(eventData.Context);

    private void Note(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<Article>().Any(e => e.State is EntityState.Added or EntityState.Deleted or EntityState.Modified))
        {
            _touched.AddOrUpdate(context, context);
            version.Bump();
        }
    }

    private void Settle(DbContext? context)
    {
        if (context is not null && _touched.Remove(context))
        {
            version.Bump();
        }
    }
}
