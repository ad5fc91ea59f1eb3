using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data.Auditing;
using NewsDesk.Web.Data.Records;
using NewsDesk.Web.Data.Seeding;
using NewsDesk.Web.Data.Sqlite;

namespace NewsDesk.Web.Data;

public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "NewsDesk";

    /// <summary>Registers the store: options, the DbContext on SQLite, migrations and seeding at start-up, health check.</summary>
    public static WebApplicationBuilder AddNewsDeskData(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<NewsDeskOptions>(builder.Configuration.GetSection(NewsDeskOptions.SectionName));
        // Resolved from the built configuration, not the builder's, so overrides added late (tests) still apply.
        builder.Services.AddSingleton(services => StoreLocation.Resolve(
            services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>()));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SqlitePragmaInterceptor>();
        builder.Services.AddSingleton(services => new StoreVersion(
            SqliteStore.DatabasePath(services.GetRequiredService<StoreLocation>().ConnectionString) is { } path
                ? new SqliteFileChangeSignal(path, SqliteFileChangeSignal.DefaultCheckEvery)
                : null));
        builder.Services.AddSingleton<StoreVersionInterceptor>();
        builder.Services.AddSingleton<VersionedCache>();
        builder.Services.AddSingleton<ActorNameIndex>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<CurrentActor>();
        builder.Services.AddScoped<AuditInterceptor>();
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddDbContext<NewsDeskDbContext>((services, db) => db
            // Single queries on purpose: the record pages load a record with its few aliases, roles and affiliations,
            // where one round trip beats a split. Saying so keeps EF's "no QuerySplittingBehavior" warning out of a
            // normal start's log, which must stay quiet (issue 12).
            .UseSqlite(services.GetRequiredService<StoreLocation>().ConnectionString,
                sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
            .AddInterceptors(
                services.GetRequiredService<SqlitePragmaInterceptor>(),
                services.GetRequiredService<AuditInterceptor>(),
                services.GetRequiredService<StoreVersionInterceptor>()));

        builder.Services.AddScoped<ArticleSeeder>();
        builder.Services.AddScoped<KnowledgeSeeder>();
        builder.Services.AddScoped<RecordMerger>();
        builder.Services.AddScoped<DatabaseInitializer>();
        builder.Services.AddSingleton<IStoreBackup, SqliteStoreBackup>();
        builder.Services.AddHostedService<DatabaseStartupService>();
        builder.Services.AddHealthChecks().AddDbContextCheck<NewsDeskDbContext>("database");
        return builder;
    }
}

/// <summary>The resolved data folder and connection string, after defaults and overrides.</summary>
public sealed record StoreLocation(string DataDirectory, string ConnectionString)
{
    public static StoreLocation Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(NewsDeskOptions.SectionName).Get<NewsDeskOptions>() ?? new NewsDeskOptions();
        var dataDirectory = Path.GetFullPath(options.DataDirectory, environment.ContentRootPath);
        var connectionString = configuration.GetConnectionString(DataServiceCollectionExtensions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = $"Data Source={Path.Combine(dataDirectory, "newsdesk.db")}";
        }

        return new StoreLocation(dataDirectory, connectionString);
    }
}
