using System.Data.Common;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace NewsDesk.Web.Data.Postgres;

/// <summary>
/// <c>copy-db</c>: copies a NewsDesk store (SQLite, as a newsroom outgrowing one machine has it) into an empty
/// PostgreSQL database, every table of the model with its ids, the audit chain and the accounts as they are. The
/// target is migrated first, then filled in ONE transaction (binary COPY per table, parents before children, counts
/// checked before the commit): a failure or a kill leaves it as empty as it was, so running the verb again is the
/// way to resume. Rows are read and written through each column's EF type mapping, so a date SQLite keeps as text
/// arrives as a timestamp, an enum as its number.
/// </summary>
public sealed partial class PostgresCopy(NewsDeskDbContext source)
{
    public async Task<CopyReport> CopyAsync(string targetConnectionString, TextWriter progress, CancellationToken cancellationToken)
    {
        var engine = new PostgresStoreEngine();
        await engine.EnsureUsableAsync(targetConnectionString, cancellationToken);
        await using var target = engine.CreateContext(engine.CreateOptions(targetConnectionString, new NewsDeskOptions()));
        var tables = InCopyOrder(target.Model.GetRelationalModel().Tables);

        await RefuseUnknownTablesAsync(target, tables, cancellationToken);
        await target.Database.MigrateAsync(cancellationToken);

        var connection = (NpgsqlConnection)target.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await RefuseNonEmptyAsync(connection, tables, cancellationToken);

        var sourceTables = source.Model.GetRelationalModel().Tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var copied = new List<CopiedTable>();
        foreach (var table in tables)
        {
            if (!sourceTables.TryGetValue(table.Name, out var from))
            {
                continue;
            }

            long rows;
            try
            {
                rows = await CopyTableAsync(from, table, connection, cancellationToken);
            }
            catch (PostgresException ex)
            {
                // A value PostgreSQL does not take (a NUL character in a text, which SQLite keeps): the transaction
                // rolls back, so the target stays empty and the verb can run again once the row is mended.
                throw new CopyRefusedException($"copy-db: table {table.Name} could not be copied ({ex.MessageText}{(ex.Where is { Length: > 0 } where ? $"; {where}" : "")}); nothing was kept");
            }

            var expected = await CountAsync(source.Database.GetDbConnection(), from.Name, cancellationToken);
            var arrived = await CountAsync(connection, table.Name, cancellationToken);
            if (rows != expected || arrived != expected)
            {
                throw new CopyRefusedException($"copy-db: table {table.Name} has {expected:N0} rows in the source but {arrived:N0} arrived; nothing was kept");
            }

            copied.Add(new CopiedTable(table.Name, rows));
            await progress.WriteLineAsync($"  {table.Name}: {rows:N0} rows");
        }

        await ResetIdentitiesAsync(connection, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CopyReport(engine.Describe(targetConnectionString), copied);
    }

    // Parents before children: a row's foreign keys find their rows (a table's references to itself are checked at
    // the end of its COPY statement, so its own order does not matter).
    private static List<ITable> InCopyOrder(IEnumerable<ITable> tables)
    {
        var pending = tables.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var ordered = new List<ITable>();
        while (pending.Count > 0)
        {
            var ready = pending.FirstOrDefault(t => t.ForeignKeyConstraints.All(fk => fk.PrincipalTable == t || ordered.Contains(fk.PrincipalTable) || !pending.Contains(fk.PrincipalTable)))
                ?? throw new InvalidOperationException($"copy-db: the tables {string.Join(", ", pending.Select(t => t.Name))} refer to each other in a cycle");
            ordered.Add(ready);
            pending.Remove(ready);
        }

        return ordered;
    }

    private static async Task RefuseUnknownTablesAsync(NewsDeskDbContext target, IReadOnlyList<ITable> tables, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)target.Database.GetDbConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            return; // no database yet: migrating creates it
        }

        try
        {
            var known = tables.Select(t => t.Name).Append("__EFMigrationsHistory").ToHashSet(StringComparer.Ordinal);
            await using var command = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'", connection);
            var others = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    if (!known.Contains(reader.GetString(0)))
                    {
                        others.Add(reader.GetString(0));
                    }
                }
            }

            if (others.Count > 0)
            {
                throw new CopyRefusedException($"copy-db: the target database is not empty: it holds tables NewsDesk does not know ({string.Join(", ", others.Order(StringComparer.Ordinal).Take(5))}); copy into a new, empty database");
            }
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    private static async Task RefuseNonEmptyAsync(NpgsqlConnection connection, IReadOnlyList<ITable> tables, CancellationToken cancellationToken)
    {
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {Quote(table.Name)})", connection);
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
            {
                throw new CopyRefusedException($"copy-db: the target database is not empty (table {table.Name} has rows); copy into a new, empty database");
            }
        }
    }

    private async Task<long> CopyTableAsync(ITable from, ITable to, NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var sourceColumns = from.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var columns = to.Columns.Where(c => c.ComputedColumnSql is null && sourceColumns.ContainsKey(c.Name))
            .Select(c => new ColumnCopy(sourceColumns[c.Name], c)).ToList();
        var keys = from.PrimaryKey?.Columns.Select(c => Quote(c.Name)).ToList() ?? [];
        var select = $"SELECT {string.Join(", ", columns.Select(c => Quote(c.Name)))} FROM {Quote(from.Name)}"
            + (keys.Count > 0 ? $" ORDER BY {string.Join(", ", keys)}" : "");

        var reading = source.Database.GetDbConnection();
        if (reading.State != System.Data.ConnectionState.Open)
        {
            await reading.OpenAsync(cancellationToken);
        }

        await using var command = reading.CreateCommand();
        command.CommandText = select;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {Quote(to.Name)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        // The import's timeout is the connection's command timeout (30 s), and it also bounds the wait for the server
        // to finish the COPY once the last row is sent: on a large table (a GIN-indexed tsvector, a million mentions)
        // on a busy server that wait is longer, and the copy failed at its end (npgsql/npgsql#6122). Zero waits as
        // long as the server works; Ctrl+C still cancels, and the transaction then keeps nothing.
        importer.Timeout = TimeSpan.Zero;
        long rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            await importer.StartRowAsync(cancellationToken);
            for (var i = 0; i < columns.Count; i++)
            {
                if (columns[i].Read(reader, i) is { } value)
                {
                    await importer.WriteAsync(value, columns[i].TargetType, cancellationToken);
                }
                else
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
            }

            rows++;
        }

        await importer.CompleteAsync(cancellationToken);
        return rows;
    }

    // Ids were copied as they were: each identity column's sequence continues after the highest one.
    private static async Task ResetIdentitiesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var identities = new List<(string Table, string Column)>();
        await using (var command = new NpgsqlCommand(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                identities.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (table, column) in identities)
        {
            await using var reset = new NpgsqlCommand(
                $"SELECT setval(pg_get_serial_sequence(@table, @column), GREATEST(MAX({Quote(column)}), 1), MAX({Quote(column)}) IS NOT NULL) FROM {Quote(table)}", connection);
            reset.Parameters.AddWithValue("table", Quote(table));
            reset.Parameters.AddWithValue("column", column);
            await reset.ExecuteScalarAsync(cancellationToken);
        }
    }

    private static async Task<long> CountAsync(DbConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {Quote(table)}";
        command.CommandTimeout = 0; // a whole table's count (ten million mentions) is not bounded by the 30 s a page's query is
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    /// <summary>One column: read as the source engine stores it, turned into the model's value, written as the target stores it.</summary>
    private sealed class ColumnCopy
    {
        private readonly Func<DbDataReader, int, object> _read;
        private readonly ValueConverter? _fromSource;
        private readonly ValueConverter? _toTarget;

        public ColumnCopy(IColumn from, IColumn to)
        {
            Name = to.Name;
            var sourceMapping = from.PropertyMappings[0].TypeMapping;
            var targetMapping = to.PropertyMappings[0].TypeMapping;
            _read = Reader(sourceMapping.GetDataReaderMethod());
            _fromSource = sourceMapping.Converter;
            _toTarget = targetMapping.Converter;
            // Npgsql names types without their facets ("character varying", not "character varying(200)").
            TargetType = Facets().Replace(to.StoreType, "");
            ProviderType = sourceMapping.Converter?.ProviderClrType ?? sourceMapping.ClrType;
        }

        public string Name { get; }

        public string TargetType { get; }

        private Type ProviderType { get; }

        public object? Read(DbDataReader reader, int ordinal)
        {
            if (reader.IsDBNull(ordinal))
            {
                return null;
            }

            var stored = _read(reader, ordinal);
            var model = _fromSource is null ? stored : _fromSource.ConvertFromProvider(Normalize(stored));
            return _toTarget is null || model is null ? model : _toTarget.ConvertToProvider(model);
        }

        // A reader method may give a wider type than the converter takes (SQLite reads every integer as long).
        private object Normalize(object stored) =>
            stored.GetType() == ProviderType || ProviderType.IsEnum || stored is not IConvertible
                ? stored
                : Convert.ChangeType(stored, Nullable.GetUnderlyingType(ProviderType) ?? ProviderType, System.Globalization.CultureInfo.InvariantCulture);

        private static Func<DbDataReader, int, object> Reader(System.Reflection.MethodInfo method)
        {
            var reader = Expression.Parameter(typeof(DbDataReader));
            var ordinal = Expression.Parameter(typeof(int));
            Expression instance = method.DeclaringType == typeof(DbDataReader) || method.DeclaringType!.IsAssignableFrom(typeof(DbDataReader))
                ? reader
                : Expression.Convert(reader, method.DeclaringType);
            return Expression.Lambda<Func<DbDataReader, int, object>>(
                Expression.Convert(Expression.Call(instance, method, ordinal), typeof(object)), reader, ordinal).Compile();
        }
    }

    [GeneratedRegex(@"\(.*?\)")]
    private static partial Regex Facets();
}
