using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Auditing;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Data;

/// <summary>
/// Contexts are pooled (ADR 1900): a scope rents one and returns it, and nothing of one scope (its actor, its clock,
/// a change it left uncommitted, what it tracked) reaches the next scope that rents the same instance.
/// </summary>
public class StoreContextPoolTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    private static readonly DateTimeOffset _first = new(2001, 2, 3, 4, 5, 6, TimeSpan.Zero);
    private static readonly DateTimeOffset _second = new(2002, 3, 4, 5, 6, 7, TimeSpan.Zero);

    [Fact]
    public async Task The_contexts_that_scopes_inject_come_from_the_pool()
    {
        // Each instance counts its rents (EF's ContextId.Lease): a context built per scope would always be on its first.
        var leases = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>();
            Assert.Same(db, scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>());
            leases.Add(db.ContextId.Lease);
            await db.Actors.CountAsync();
        }

        Assert.Contains(leases, lease => lease > 1);
    }

    [Fact]
    public async Task Each_rent_of_the_same_context_saves_as_its_own_scope_actor_and_clock()
    {
        var pool = PrivatePool();
        NewsDeskDbContext first;
        await using (var lease = Lease(pool, "alpha-editor", _first))
        {
            first = lease.Context;
            first.Actors.Add(new Actor { Name = "Pooled Alpha Brigade", Kind = ActorKind.ArmedGroup });
            await first.SaveChangesAsync();
        }

        await using (var lease = Lease(pool, "beta-editor", _second))
        {
            Assert.Same(first, lease.Context);
            lease.Context.Actors.Add(new Actor { Name = "Pooled Beta Brigade", Kind = ActorKind.ArmedGroup });
            await lease.Context.SaveChangesAsync();
        }

        var alpha = await factory.ExecuteDbContextAsync(db => db.Actors.SingleAsync(a => a.Name == "Pooled Alpha Brigade"));
        var beta = await factory.ExecuteDbContextAsync(db => db.Actors.SingleAsync(a => a.Name == "Pooled Beta Brigade"));
        Assert.Equal(("alpha-editor", _first.UtcDateTime), (alpha.CreatedBy, alpha.CreatedAt));
        Assert.Equal(("beta-editor", _second.UtcDateTime), (beta.CreatedBy, beta.CreatedAt));
        string[] ids = [alpha.Id.ToString(CultureInfo.InvariantCulture), beta.Id.ToString(CultureInfo.InvariantCulture)];
        var logged = await factory.ExecuteDbContextAsync(db => db.AuditEntries
            .Where(e => e.EntityType == "Actor" && ids.Contains(e.EntityId))
            .Select(e => new { e.EntityId, e.UserName }).ToListAsync());
        Assert.Equal(
            new[] { (ids[0], "alpha-editor"), (ids[1], "beta-editor") }.Order(),
            logged.Select(e => (e.EntityId, e.UserName)).Order());
    }

    [Fact]
    public async Task A_change_left_uncommitted_by_one_scope_is_neither_kept_nor_announced_by_the_next()
    {
        var pool = PrivatePool();
        var version = factory.Services.GetRequiredService<StoreVersion>();
        int sourceId;
        await using (var lease = Lease(pool, "setup", _first))
        {
            var source = new Source { Name = "Pooled source", Url = "http://127.0.0.1:9/pooled.xml", Enabled = false };
            lease.Context.Sources.Add(source);
            await lease.Context.SaveChangesAsync();
            sourceId = source.Id;
        }

        var before = version.Current;
        await using (var lease = Lease(pool, "abandoner", _first))
        {
            // A content change inside a transaction the scope never commits, and an entity it never saves.
            await lease.Context.Database.BeginTransactionAsync();
            lease.Context.Actors.Add(new Actor { Name = "Never committed", Kind = ActorKind.ArmedGroup });
            await lease.Context.SaveChangesAsync();
            lease.Context.Actors.Add(new Actor { Name = "Never saved", Kind = ActorKind.ArmedGroup });
        }

        var bookkeeping = version.IncludingBookkeeping;
        await using (var lease = Lease(pool, "scraper", _second))
        {
            Assert.Empty(lease.Context.ChangeTracker.Entries());
            // Bookkeeping only: a fetch's log row. Had the abandoned content change stayed pending, this commit would
            // announce it and start a new content version.
            lease.Context.SourceFetches.Add(new SourceFetch { SourceId = sourceId, StartedAt = _second.UtcDateTime });
            await lease.Context.SaveChangesAsync();
        }

        Assert.Equal(before, version.Current);
        Assert.True(version.IncludingBookkeeping > bookkeeping, "the fetch's log row is bookkeeping");
        Assert.Equal(0, await factory.ExecuteDbContextAsync(db => db.Actors.CountAsync(a => a.Name == "Never committed" || a.Name == "Never saved")));
    }

    [Fact]
    public async Task A_context_used_after_its_scope_ended_fails_loudly()
    {
        NewsDeskDbContext db;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            db = scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>();
            await db.Actors.CountAsync();
        }

        // Until another scope rents it, the instance refuses everything: EF's checks for its sets and queries, ours
        // for a save, which names the mistake rather than writing as nobody (or as the next scope's actor).
        Assert.Throws<ObjectDisposedException>(() => db.Actors.Add(new Actor { Name = "Saved too late", Kind = ActorKind.ArmedGroup }));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => db.Actors.CountAsync());
        var save = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("after the scope that rented it ended", save.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
    }

    [Fact]
    public async Task A_context_disposed_by_its_user_goes_back_to_the_pool_once_when_its_scope_ends()
    {
        var pool = PrivatePool();
        NewsDeskDbContext first;
        await using (var lease = Lease(pool, "disposer", _first))
        {
            first = lease.Context;
            // What a `using` around an injected context, or the DI scope disposing what it handed out, does.
            await first.DisposeAsync();
            first.Dispose();
            Assert.Equal(0, await first.Actors.CountAsync(a => a.Name == "nobody"));
        }

        // Returned twice, the same instance would serve both of these scopes at once.
        await using var second = Lease(pool, "second", _second);
        await using var third = Lease(pool, "third", _second);
        Assert.NotSame(second.Context, third.Context);
        Assert.Contains(first, new[] { second.Context, third.Context });
    }

    // A pool of its own, so that no other work of the app (a background service) rents the instance in between.
    private StoreContextPool PrivatePool() => new(
        factory.Services.GetRequiredService<StoreEngine>(),
        factory.Services.GetRequiredService<StoreLocation>(),
        factory.Services.GetRequiredService<IOptions<NewsDeskOptions>>(),
        factory.Services.GetRequiredService<ILoggerFactory>());

    private StoreContextLease Lease(StoreContextPool pool, string actorName, DateTimeOffset now)
    {
        var actor = new CurrentActor(new HttpContextAccessor());
        actor.UseSystemName(actorName);
        return new StoreContextLease(pool, actor, new FixedClock(now), factory.Services.GetRequiredService<StoreVersion>());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
