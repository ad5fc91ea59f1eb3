using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Postgres;

/// <summary>
/// The same model as <see cref="NewsDeskDbContext"/>, with PostgreSQL's own migrations (<c>Data/Postgres/Migrations</c>).
/// A subclass rather than a second migrations project: EF keeps migrations per context type, so both engines'
/// migrations live in the app and the SQLite ones stay where they were (ADR 0600). Add one with:
/// <c>dotnet ef migrations add NAME --project src/NewsDesk.Web --context PostgresNewsDeskDbContext --output-dir Data/Postgres/Migrations</c>
/// </summary>
public sealed class PostgresNewsDeskDbContext(DbContextOptions<PostgresNewsDeskDbContext> options) : NewsDeskDbContext(options)
{
    // SHARE ROW EXCLUSIVE conflicts with itself and with every insert, never with plain reads: appenders queue,
    // readers of the log go on. Held until the transaction ends.
    private const string LockAuditLog = "LOCK TABLE \"AuditEntries\" IN SHARE ROW EXCLUSIVE MODE";

    protected override void LockAuditChain() => Database.ExecuteSqlRaw(LockAuditLog);

    protected override Task LockAuditChainAsync(CancellationToken cancellationToken) => Database.ExecuteSqlRawAsync(LockAuditLog, cancellationToken);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // The audit hash covers the entry's time to the tick (100 ns, as SQLite keeps it); PostgreSQL's timestamps
        // keep microseconds, so a timestamp column would change the value under its hash and `verify` would report
        // every entry written here or copied by copy-db as tampered. Ticks keep it exact and sort the same.
        builder.Entity<AuditEntry>().Property(e => e.At).HasColumnType("bigint").HasConversion<UtcTicksConverter>();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // Dates are UTC values stored without a zone and read back as SQLite gives them (ADR 0002): Npgsql refuses
        // to write a DateTime of Kind Utc into such a column, so the kind is dropped on the way in.
        configurationBuilder.Properties<DateTime>().HaveColumnType("timestamp without time zone").HaveConversion<UtcWallClockConverter>();
    }
}

/// <summary>Writes a UTC DateTime as a zone-less value (Local ones converted to UTC first); reads it back unchanged.</summary>
public sealed class UtcWallClockConverter() : ValueConverter<DateTime, DateTime>(
    value => DateTime.SpecifyKind(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value, DateTimeKind.Unspecified),
    value => value);

/// <summary>A UTC DateTime as its ticks; read back zone-less, as SQLite and the timestamp columns give dates back.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTime, long>(
    value => (value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value).Ticks,
    value => new DateTime(value, DateTimeKind.Unspecified));

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context without a server (adding a migration connects to nothing).</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresNewsDeskDbContext>
{
    public PostgresNewsDeskDbContext CreateDbContext(string[] args)
    {
        var engine = new PostgresStoreEngine();
        return (PostgresNewsDeskDbContext)engine.CreateContext(engine.CreateOptions("Host=localhost;Database=newsdesk", new NewsDeskOptions()));
    }
}
