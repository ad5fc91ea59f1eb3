using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsDesk.Web.Data.Seeding;

namespace NewsDesk.Web.Data;

/// <summary>Brings the database to the current schema and imports seeds; used at start-up and by the verbs.</summary>
public sealed class DatabaseInitializer(
    NewsDeskDbContext db,
    StoreLocation store,
    StoreEngine engine,
    ArticleSeeder articleSeeder,
    KnowledgeSeeder knowledgeSeeder,
    ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await engine.EnsureUsableAsync(store.ConnectionString, cancellationToken);
        await EnsureNotNewerAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s) to {Database}: {Migrations}",
                pending.Count, engine.Describe(store.ConnectionString), pending);
        }

        await db.Database.MigrateAsync(cancellationToken);
        await engine.AfterMigrateAsync(db, cancellationToken);
        if (await Auditing.AuditChain.SealLegacyAsync(db, cancellationToken) is > 0 and var sealedCount)
        {
            logger.LogInformation("Chained {Count} audit entries written before the audit log was hash-chained", sealedCount);
        }
    }

    // Migrating a schema a newer NewsDesk made would run this version's code on tables it does not know.
    private async Task EnsureNotNewerAsync(CancellationToken cancellationToken)
    {
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return;
        }

        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var unknown = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            throw new StoreProblemException(
                $"{engine.Describe(store.ConnectionString)} is from a newer NewsDesk: it has migration(s) this version does not know ({string.Join(", ", unknown)}). " +
                "Run that NewsDesk version, or restore a backup made by this one.");
        }
    }

    /// <summary>Imports seed articles whose URL is not stored yet; returns how many were added.</summary>
    public Task<int> ImportSeedsAsync(CancellationToken cancellationToken) => articleSeeder.ImportAsync(cancellationToken);

    /// <summary>Imports starter actors and the demo annotation that are not in the database yet.</summary>
    public Task<KnowledgeSeedReport> ImportKnowledgeSeedsAsync(CancellationToken cancellationToken) => knowledgeSeeder.ImportAsync(cancellationToken);

    /// <summary>Seeds go only into empty tables: a newsroom that deleted the samples does not get them back.</summary>
    public async Task<int> SeedEmptyStoreAsync(CancellationToken cancellationToken)
    {
        var added = await db.Articles.AnyAsync(cancellationToken) ? 0 : await ImportSeedsAsync(cancellationToken);
        // Checked apart from the articles so an install from before the knowledge base gets its starter actors.
        if (!await db.Actors.AnyAsync(cancellationToken) && !await db.Incidents.AnyAsync(cancellationToken) && !await db.Claims.AnyAsync(cancellationToken))
        {
            await ImportKnowledgeSeedsAsync(cancellationToken);
        }

        return added;
    }
}

/// <summary>Runs migrations (and first-start seeding) before the server accepts requests.</summary>
public sealed class DatabaseStartupService(IServiceScopeFactory scopes, IOptions<NewsDeskOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await initializer.MigrateAsync(cancellationToken);
        if (options.Value.ImportSeedsOnStart)
        {
            await initializer.SeedEmptyStoreAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
