using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace NewsDesk.Web.Export;

/// <summary>
/// Reads a query in id order a batch at a time (keyset paging), so a table's related values (aliases, actors,
/// article URLs) can be fetched per batch with a few queries while memory stays bounded by the batch size.
/// </summary>
public static class RecordBatches
{
    public const int Size = 200;

    public static async IAsyncEnumerable<List<TRow>> ReadAsync<TEntity, TRow>(
        IQueryable<TEntity> query,
        Expression<Func<TEntity, int>> id,
        Expression<Func<TEntity, TRow>> projection,
        Func<TRow, int> idOfRow,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = new LastId();
        var greater = Expression.Lambda<Func<TEntity, bool>>(
            Expression.GreaterThan(id.Body, Expression.Property(Expression.Constant(after), nameof(LastId.Value))),
            id.Parameters[0]);
        var page = query.Where(greater).OrderBy(id).Select(projection).Take(Size);
        while (true)
        {
            var batch = await page.ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                yield break;
            }

            yield return batch;
            if (batch.Count < Size)
            {
                yield break;
            }

            after.Value = idOfRow(batch[^1]);
        }
    }

    // EF reads the holder's value into a parameter each time the query runs: one query text, a new id per batch.
    private sealed class LastId
    {
        public int Value { get; set; } = int.MinValue;
    }
}
