using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Data.Caching;

/// <summary>
/// The save pipeline tells readers "the store changed" only after the commit: a reader between the save and the
/// commit must never cache the old state under the new store version.
/// </summary>
public class SavePipelineTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    [Fact]
    public async Task A_save_inside_an_explicit_transaction_starts_a_new_version_only_when_the_transaction_commits()
    {
        var version = factory.Services.GetRequiredService<StoreVersion>();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>();
        var before = version.Current;

        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Actors.Add(new Actor { Name = "Explicitly transacted", Kind = ActorKind.ArmedGroup });
        await db.SaveChangesAsync();
        Assert.Equal(before, version.Current);

        await transaction.CommitAsync();
        Assert.True(version.Current > before, "the commit starts a new version");
    }

    [Fact]
    public async Task A_rolled_back_transaction_starts_no_new_version()
    {
        var version = factory.Services.GetRequiredService<StoreVersion>();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>();
        var before = version.Current;

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Actors.Add(new Actor { Name = "Rolled back", Kind = ActorKind.ArmedGroup });
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        Assert.Equal(before, version.Current);
    }

    [Fact]
    public async Task A_reader_just_before_an_audited_save_commits_cannot_cache_the_old_state_under_the_new_version()
    {
        const string name = "Audited in the gap";
        var cache = factory.Services.GetRequiredService<VersionedCache>();
        var version = factory.Services.GetRequiredService<StoreVersion>();
        var before = version.Current;
        Task<Count?> Read() => cache.GetOrLoadAsync(
            ("gap", name),
            _ => factory.ExecuteDbContextAsync(async reader => (Count?)new Count(await reader.Actors.CountAsync(a => a.Name == name))),
            _ => 16,
            CancellationToken.None);

        // The probe runs as the save's own transaction (the actor and its audit entry) is about to commit.
        var probe = new BeforeCommit(async () =>
        {
            Assert.Equal(before, version.Current);
            Assert.Equal(0, (await Read())!.Value);
        });
        await using var scope = factory.Services.CreateAsyncScope();
        var pool = factory.Services.GetRequiredService<StoreContextPool>();
        await using var db = pool.Engine.CreateContext(new DbContextOptionsBuilder(pool.Options).AddInterceptors(probe).Options);
        db.UseFor(StoreContextUse.Of(scope.ServiceProvider));
        db.Actors.Add(new Actor { Name = name, Kind = ActorKind.ArmedGroup });
        await db.SaveChangesAsync();

        Assert.True(probe.Ran, "the save committed a transaction of its own");
        Assert.Equal(1, (await Read())!.Value);
        Assert.Equal(1, await factory.ExecuteDbContextAsync(reader => reader.AuditEntries.CountAsync(e => e.EntityType == "Actor" && e.After!.Contains(name))));
    }

    private sealed record Count(int Value);

    private sealed class BeforeCommit(Func<Task> probe) : DbTransactionInterceptor
    {
        public bool Ran { get; private set; }

        public override async ValueTask<InterceptionResult> TransactionCommittingAsync(
            DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            Ran = true;
            await probe();
            return result;
        }
    }
}
