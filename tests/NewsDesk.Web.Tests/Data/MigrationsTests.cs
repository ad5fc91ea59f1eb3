using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Postgres;
using NewsDesk.Web.Data.Sqlite;

namespace NewsDesk.Web.Tests.Data;

/// <summary>Each engine's migrations build exactly the model the code declares (checked without a database).</summary>
public class MigrationsTests
{
    [Fact]
    public void The_SQLite_migrations_build_exactly_the_model_the_code_declares()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        // A model change without its migration would make a fresh install differ from what the code expects.
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes no SQLite migration creates: dotnet ef migrations add NAME --project src/NewsDesk.Web --context NewsDeskDbContext --output-dir Data/Migrations");
    }

    [Fact]
    public void The_PostgreSQL_migrations_build_exactly_the_model_the_code_declares()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes no PostgreSQL migration creates: dotnet ef migrations add NAME --project src/NewsDesk.Web --context PostgresNewsDeskDbContext --output-dir Data/Postgres/Migrations");
    }

    [Fact]
    public void Each_engine_has_migrations_of_its_own()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);

        var sqliteMigrations = sqlite.Database.GetMigrations().ToList();
        var postgresMigrations = postgres.Database.GetMigrations().ToList();

        Assert.Contains(sqliteMigrations, m => m.EndsWith("_Initial", StringComparison.Ordinal));
        Assert.Contains(postgresMigrations, m => m.EndsWith("_PostgresInitial", StringComparison.Ordinal));
        Assert.Empty(sqliteMigrations.Intersect(postgresMigrations));
    }
}
