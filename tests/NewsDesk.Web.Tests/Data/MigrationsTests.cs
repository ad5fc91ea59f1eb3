using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Data;

public class MigrationsTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    [Fact]
    public async Task The_migrations_build_exactly_the_model_the_code_declares()
    {
        // A model change without its migration would make a fresh install differ from what the code expects.
        var pending = await factory.ExecuteDbContextAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));

        Assert.False(pending, "The model has changes no migration creates: add one with `dotnet ef migrations add`.");
    }
}
