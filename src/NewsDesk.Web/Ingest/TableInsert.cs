using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using NewsDesk.Web.Data;

namespace NewsDesk.Web.Ingest;

/// <summary>
/// Inserts new rows of one entity type through a context's connection and open transaction, one command prepared
/// once and run for every row, past the change tracker (ADR 2100). The columns, their names and how each value is
/// sent (enums as names, dates as each engine stores them) come from the EF model, exactly as SaveChanges would
/// send them, so a column added to the model is inserted here too; texts are fitted to their columns as the save
/// pipeline fits them (<see cref="ColumnLimits"/>). The SQL (<c>INSERT … VALUES … RETURNING</c>) is the same on
/// both engines. A generated key is read back and given to the entity.
/// </summary>
internal sealed class TableInsert<TEntity> : IDisposable
    where TEntity : class
{
    private readonly DbCommand _command;
    private readonly Column[] _columns;
    private readonly Action<TEntity, long>? _setKey;

    private sealed record Column(IProperty Property, IClrPropertyGetter Getter, RelationalTypeMapping Mapping, string Parameter);

    /// <param name="setKey">Gives the entity the key the database generated; null when the entity brings its own key.</param>
    public TableInsert(DbContext db, Action<TEntity, long>? setKey)
    {
        ArgumentNullException.ThrowIfNull(db);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Rows are inserted past the change tracker only inside a transaction of the context.");
        var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var key = entity.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } generated] ? generated : null;
        if ((key is null) != (setKey is null))
        {
            throw new InvalidOperationException($"{typeof(TEntity).Name}: a key setter is needed exactly when the database generates the key.");
        }

        _setKey = setKey;
        _columns = [.. entity.GetProperties()
            .Where(p => p != key && p.GetComputedColumnSql(table) is null)
            .Select((p, i) => new Column(
                p,
                // A shadow property has no value on the entity to send: such an entity is not written here.
                p.IsShadowProperty() ? throw new InvalidOperationException($"{typeof(TEntity).Name}.{p.Name} is a shadow property.") : p.GetGetter(),
                p.GetRelationalTypeMapping(),
                sql.GenerateParameterName("p" + i)))];
        var columns = string.Join(", ", _columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(table)!)));
        var values = string.Join(", ", _columns.Select(c => c.Parameter));
        var returning = key is null ? "" : " RETURNING " + sql.DelimitIdentifier(key.GetColumnName(table)!);
        _command = transaction.Connection!.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({columns}) VALUES ({values}){returning}";
    }

    /// <summary>Inserts one row (its generated key, if any, is set on it).</summary>
    public async Task InsertAsync(TEntity row, CancellationToken cancellationToken)
    {
        _command.Parameters.Clear();
        foreach (var column in _columns)
        {
            var value = ColumnLimits.Fit(column.Property, column.Getter.GetClrValueUsingContainingEntity(row));
            _command.Parameters.Add(column.Mapping.CreateParameter(_command, column.Parameter, value, column.Property.IsNullable));
        }

        if (_setKey is null)
        {
            await _command.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        var key = await _command.ExecuteScalarAsync(cancellationToken)
            ?? throw new InvalidOperationException($"The insert into {typeof(TEntity).Name} returned no key.");
        _setKey(row, Convert.ToInt64(key, System.Globalization.CultureInfo.InvariantCulture));
    }

    public void Dispose() => _command.Dispose();
}
