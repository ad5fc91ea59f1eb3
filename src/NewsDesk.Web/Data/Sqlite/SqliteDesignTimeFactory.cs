using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace NewsDesk.Web.Data.Sqlite;

/// <summary>
/// Lets <c>dotnet ef</c> build the SQLite context on its own. Needed once PostgreSQL has a design-time factory:
/// without one of its own, <c>dotnet ef</c> would build <see cref="NewsDeskDbContext"/> with the PostgreSQL factory
/// (its context is a subclass) and write PostgreSQL migrations into <c>Data/Migrations</c>.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<NewsDeskDbContext>
{
    public NewsDeskDbContext CreateDbContext(string[] args)
    {
        var engine = new SqliteStoreEngine();
        return engine.CreateContext(engine.CreateOptions("Data Source=design-time.db", new NewsDeskOptions()));
    }
}
