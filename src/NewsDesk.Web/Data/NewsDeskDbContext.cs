using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data.Auditing;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data;

/// <summary>
/// The NewsDesk store, with ASP.NET Core Identity's tables (users, roles) in the same database. Each engine keeps
/// its own migrations: SQLite's in <c>Data/Migrations</c> (this class), PostgreSQL's in <c>Data/Postgres/Migrations</c>
/// (<see cref="Postgres.PostgresNewsDeskDbContext"/>, the same model). After a model change add one to each:
/// <code>
/// dotnet ef migrations add NAME --project src/NewsDesk.Web --context NewsDeskDbContext --output-dir Data/Migrations
/// dotnet ef migrations add NAME --project src/NewsDesk.Web --context PostgresNewsDeskDbContext --output-dir Data/Postgres/Migrations
/// </code>
/// (<c>dotnet tool restore</c> gives <c>dotnet ef</c>; neither command needs a running database.)
/// <para>
/// Every save goes through one pipeline, in this order (<see cref="SaveChangesAsync(bool, CancellationToken)"/>):
/// timestamps and versions are stamped, audited changes collected, the change saved and its audit entries added and
/// hash-chained (<see cref="AuditChain"/>) in one transaction, and only after that transaction commits is the <see cref="StoreVersion"/> told, so no reader can
/// cache the old state under the new number. Inside a transaction the caller opened, the version waits for the
/// caller's commit (<see cref="CommitHook"/>).
/// </para>
/// </summary>
public class NewsDeskDbContext : IdentityDbContext<NewsDeskUser>, IDataProtectionKeyContext
{
    // Everything below is one scope's: set by StoreContextPool when the context is rented, cleared when it goes
    // back (ADR 1900). A context made with `new` (tools, tests) acts as the system until told otherwise.
    private StoreContextUse? _use = StoreContextUse.Standalone;
    private bool _rented;
    private StoreChange _uncommitted;
    private readonly List<Records.ActorNameChanges.Pending> _uncommittedNames = [];
    private bool _writingAudit;

    /// <summary>The one constructor EF's pool calls: per-scope state comes with <see cref="UseFor"/>, never through here.</summary>
    public NewsDeskDbContext(DbContextOptions<NewsDeskDbContext> options)
        : this((DbContextOptions)options)
    {
    }

    /// <summary>For the engines' subclasses, whose options name their own type (EF pools and migrates by type).</summary>
    protected NewsDeskDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>
    /// Makes this context act for one scope: who is acting (the audit trail), the clock, and the version to tell
    /// after a commit. Called on every rent by <see cref="StoreContextPool"/>; tests call it on contexts of their own.
    /// </summary>
    public void UseFor(StoreContextUse use)
    {
        _use = use;
        _uncommitted = StoreChange.None;
        _uncommittedNames.Clear();
        _writingAudit = false;
    }

    /// <summary>
    /// Clears the scope's state and hands the context back to EF's pool, which resets the change tracker and the
    /// connection. From here until the next rent, a save or query through an old reference fails.
    /// </summary>
    internal void ReturnToPool()
    {
        Forget();
        base.Dispose();
    }

    /// <inheritdoc cref="ReturnToPool"/>
    internal ValueTask ReturnToPoolAsync()
    {
        Forget();
        return base.DisposeAsync();
    }

    /// <summary>Marks the context as rented by a scope: from now on only that scope's lease returns it.</summary>
    internal void Rented() => _rented = true;

    private void Forget()
    {
        _rented = false;
        _use = null;
        _uncommitted = StoreChange.None;
        _uncommittedNames.Clear();
        _writingAudit = false;
    }

    // A rented context belongs to its scope's lease, which returns it once; anyone else's Dispose (the DI scope
    // disposing what it handed out, a `using` in a caller) must not return it a second time, perhaps after another
    // request has rented it.
    public override void Dispose()
    {
        GC.SuppressFinalize(this);
        if (!_rented)
        {
            base.Dispose();
        }
    }

    public override ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return _rented ? ValueTask.CompletedTask : base.DisposeAsync();
    }

    private StoreContextUse Use => _use ?? throw new InvalidOperationException(
        "This NewsDeskDbContext was used after the scope that rented it ended: it is back in the pool and may be serving another request. Resolve the context in the scope that uses it.");

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

    /// <summary>The data-protection keys on a server database, shared by every instance (Operations/DataProtectionSetup).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

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

    // The pool's options carry the hook already (StoreEngine.CreateOptions), and a pooled context may not change its
    // options here; a context built from other options (tools, tests) gets it added.
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        if (!CommitHook.IsIn(optionsBuilder.Options))
        {
            optionsBuilder.AddInterceptors(CommitHook.Instance);
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (_writingAudit)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        var use = Use;
        StampRecords(use.Clock);
        ColumnLimits.Fit(ChangeTracker);
        var change = StoreChanges.Of(ChangeTracker);
        var names = Records.ActorNameChanges.Of(ChangeTracker.Entries());
        var audited = use.Audit.Collect(this);
        var chained = audited.Count > 0 || AuditChain.HasAdded(this);
        using var own = chained && Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        if (chained)
        {
            // Inside the write transaction: the entry read as "previous" cannot change before ours is inserted.
            LockAuditChain();
            AuditChain.Seal(this);
        }

        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        if (audited.Count > 0)
        {
            use.Audit.AddEntries(this, audited);
            AuditChain.Seal(this);
            _writingAudit = true;
            try
            {
                base.SaveChanges(acceptAllChangesOnSuccess: true);
            }
            finally
            {
                _writingAudit = false;
            }
        }

        Saved(change, names);
        own?.Commit();
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (_writingAudit)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var use = Use;
        StampRecords(use.Clock);
        ColumnLimits.Fit(ChangeTracker);
        var change = StoreChanges.Of(ChangeTracker);
        var names = Records.ActorNameChanges.Of(ChangeTracker.Entries());
        var audited = use.Audit.Collect(this);
        // A merge adds audit entries of its own: they are chained like the recorder's.
        var chained = audited.Count > 0 || AuditChain.HasAdded(this);
        // Disposing an uncommitted transaction rolls it back: a failed save leaves neither the change nor its entry.
        await using var own = chained && Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        if (chained)
        {
            await LockAuditChainAsync(cancellationToken);
            await AuditChain.SealAsync(this, cancellationToken);
        }

        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (audited.Count > 0)
        {
            use.Audit.AddEntries(this, audited);
            await AuditChain.SealAsync(this, cancellationToken);
            _writingAudit = true;
            try
            {
                await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
            }
            finally
            {
                _writingAudit = false;
            }
        }

        Saved(change, names);
        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }

        return saved;
    }

    /// <summary>
    /// Keeps other writers from appending to the audit log until this transaction ends, so no two entries link to
    /// the same previous one. SQLite needs nothing: its write transaction already excludes every other writer.
    /// </summary>
    protected virtual void LockAuditChain()
    {
    }

    /// <inheritdoc cref="LockAuditChain"/>
    protected virtual Task LockAuditChainAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Rows written through this context's connection past the change tracker (the scraper's batch insert,
    /// Ingest/ArticleRows) count as <paramref name="change"/>: told to the <see cref="StoreVersion"/> after the
    /// commit, exactly like a save's. Call it inside the transaction, before committing it.
    /// </summary>
    internal void WrotePastChangeTracker(StoreChange change) => Saved(change, null);

    // A save outside any transaction has committed already (EF's own transaction); inside one, the change waits.
    private void Saved(StoreChange change, Records.ActorNameChanges.Pending? names)
    {
        _uncommitted |= change;
        if (names is not null)
        {
            _uncommittedNames.Add(names);
        }

        if (Database.CurrentTransaction is null)
        {
            TransactionEnded(committed: true);
        }
    }

    /// <summary>Called after a commit or rollback of this context's transaction (<see cref="CommitHook"/>).</summary>
    internal void TransactionEnded(bool committed)
    {
        var change = _uncommitted;
        _uncommitted = StoreChange.None;
        // Ids are read now: an added actor has its id only after the save.
        var actors = _uncommittedNames.SelectMany(n => n.ActorIds()).Distinct().ToList();
        _uncommittedNames.Clear();
        if (committed && _use?.Version is { } version)
        {
            version.Committed(change);
            // The in-memory name indexes read these actors again; told after the commit, never before it.
            version.ActorNames.Committed(actors);
        }
    }

    // What an editor sets on a source; the rest is fetch bookkeeping the scraper changes all the time.
    private static readonly string[] _sourceEditorFields =
        [nameof(Source.Name), nameof(Source.Url), nameof(Source.Kind), nameof(Source.FetchIntervalMinutes), nameof(Source.Enabled)];

    // Timestamps and the concurrency version are kept here so no page can forget them.
    private void StampRecords(TimeProvider clock)
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
