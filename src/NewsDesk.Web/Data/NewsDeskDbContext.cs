using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data;

/// <summary>
/// The NewsDesk store, with ASP.NET Core Identity's tables (users, roles) in the same database. Add a migration with:
/// <c>dotnet ef migrations add NAME --project src/NewsDesk.Web --output-dir Data/Migrations</c>
/// (install the tool once with <c>dotnet tool install --global dotnet-ef --version 10.0.12</c>).
/// </summary>
public class NewsDeskDbContext(DbContextOptions<NewsDeskDbContext> options, TimeProvider clock) : IdentityDbContext<NewsDeskUser>(options)
{
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<SourceFetch> SourceFetches => Set<SourceFetch>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Actor> Actors => Set<Actor>();
    public DbSet<ActorAlias> ActorAliases => Set<ActorAlias>();
    public DbSet<ActorAffiliation> ActorAffiliations => Set<ActorAffiliation>();
    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<IncidentActor> IncidentActors => Set<IncidentActor>();
    public DbSet<Claim> Claims => Set<Claim>();
    public DbSet<Mention> Mentions => Set<Mention>();
    public DbSet<ArticleReview> ArticleReviews => Set<ArticleReview>();
    public DbSet<Collection> Collections => Set<Collection>();
    public DbSet<CollectionArticle> CollectionArticles => Set<CollectionArticle>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Capture> Captures => Set<Capture>();
    public DbSet<ArticleVersion> ArticleVersions => Set<ArticleVersion>();
    public DbSet<ArticleRecheck> ArticleRechecks => Set<ArticleRecheck>();
    public DbSet<SuggestionDecision> SuggestionDecisions => Set<SuggestionDecision>();
    public DbSet<ClaimDenial> ClaimDenials => Set<ClaimDenial>();
    public DbSet<Watch> Watches => Set<Watch>();
    public DbSet<WatchHit> WatchHits => Set<WatchHit>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(NewsDeskDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name so the database and raw SQL exports stay readable.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampRecords();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampRecords();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // What an editor sets on a source; the rest is fetch bookkeeping the scraper changes all the time.
    private static readonly string[] _sourceEditorFields =
        [nameof(Source.Name), nameof(Source.Url), nameof(Source.Kind), nameof(Source.FetchIntervalMinutes), nameof(Source.Enabled)];

    // Timestamps and the concurrency version are kept here so no page can forget them.
    private void StampRecords()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in ChangeTracker.Entries<EditableRecord>())
        {
            if (entry.State == EntityState.Added)
            {
                entry.Entity.CreatedAt = entry.Entity.CreatedAt == default ? now : entry.Entity.CreatedAt;
                entry.Entity.UpdatedAt = now;
                entry.Entity.Version = 1;
            }
            else if (entry.State == EntityState.Modified)
            {
                entry.Entity.UpdatedAt = now;
                entry.Entity.Version = entry.Property(e => e.Version).OriginalValue + 1;
            }
        }

        foreach (var entry in ChangeTracker.Entries<Mention>())
        {
            if (entry.State == EntityState.Added)
            {
                entry.Entity.CreatedAt = entry.Entity.CreatedAt == default ? now : entry.Entity.CreatedAt;
                entry.Entity.UpdatedAt = now;
                entry.Entity.Version = 1;
            }
            else if (entry.State == EntityState.Modified)
            {
                entry.Entity.UpdatedAt = now;
                entry.Entity.Version = entry.Property(e => e.Version).OriginalValue + 1;
            }
        }

        foreach (var entry in ChangeTracker.Entries<Source>())
        {
            if (entry.State == EntityState.Added)
            {
                entry.Entity.Version = 1;
            }
            else if (entry.State == EntityState.Modified && _sourceEditorFields.Any(f => entry.Property(f).IsModified))
            {
                entry.Entity.Version = entry.Property(e => e.Version).OriginalValue + 1;
            }
        }
    }
}
