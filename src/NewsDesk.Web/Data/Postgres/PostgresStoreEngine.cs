using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data.Auditing;
using NewsDesk.Web.Data.TextSearch;
using Npgsql;

namespace NewsDesk.Web.Data.Postgres;

/// <summary>The server engine: one PostgreSQL database shared by several app instances and scrapers.</summary>
public sealed class PostgresStoreEngine : StoreEngine
{
    public override DatabaseEngine Kind => DatabaseEngine.PostgreSQL;

    public override string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port}";
    }

    public override void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString);

    public override NewsDeskDbContext CreateContext(DbContextOptions<NewsDeskDbContext> options, IServiceProvider services) =>
        new PostgresNewsDeskDbContext(
            options, services.GetRequiredService<TimeProvider>(), services.GetService<CurrentActor>(), services.GetService<StoreVersion>());

    public override async Task EnsureUsableAsync(string connectionString, CancellationToken cancellationToken)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"ConnectionStrings:NewsDesk is not a PostgreSQL connection string: {ex.Message}", ex);
        }

        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // The server answers but the database does not exist yet: migrating creates it.
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or ArgumentException)
        {
            throw new InvalidOperationException($"Cannot open the {Describe(connectionString)}: {ex.Message}", ex);
        }
    }

    public override IExternalChangeSignal? CreateChangeSignal(string connectionString) => new PostgresChangeSignal(connectionString);

    public override IArticleTextSearch CreateTextSearch(NewsDeskDbContext db) => new PostgresArticleTextSearch(db);

    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
