using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsDesk.Web.Data.Auditing;
using NewsDesk.Web.Data.Records;
using NewsDesk.Web.Data.Seeding;

namespace NewsDesk.Web.Data;

public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "NewsDesk";

    /// <summary>Registers the store: options, the engine and its DbContext, migrations and seeding at start-up, health check.</summary>
    public static WebApplicationBuilder AddNewsDeskData(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<NewsDeskOptions>(builder.Configuration.GetSection(NewsDeskOptions.SectionName));
        // Resolved from the built configuration, not the builder's, so overrides added late (tests) still apply.
        builder.Services.AddSingleton(services => StoreLocation.Resolve(
            services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>()));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services => StoreEngines.For(services.GetRequiredService<StoreLocation>().Engine));
        builder.Services.AddSingleton(services => new StoreVersion(
            services.GetRequiredService<StoreEngine>().CreateChangeSignal(services.GetRequiredService<StoreLocation>().ConnectionString)));
        builder.Services.AddSingleton<VersionedCache>();
        builder.Services.AddSingleton<ActorNameIndex>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<CurrentActor>();
        builder.Services.AddScoped<AuditLog>();
        // Contexts come from one pool of the engine's context type (each engine's type carries its migrations): a
        // scope rents one when it first asks and returns it when it ends, its actor and clock set for that scope
        // only (StoreContextPool, ADR 1900).
        builder.Services.AddSingleton<StoreContextPool>();
        builder.Services.AddScoped<StoreContextLease>();
        builder.Services.AddScoped(services => services.GetRequiredService<StoreContextLease>().Context);

        builder.Services.AddScoped<ArticleSeeder>();
        builder.Services.AddScoped<KnowledgeSeeder>();
        builder.Services.AddScoped<RecordMerger>();
        builder.Services.AddScoped<DatabaseInitializer>();
        builder.Services.AddSingleton(services => services.GetRequiredService<StoreEngine>()
            .CreateBackup(services.GetRequiredService<StoreLocation>(), services.GetRequiredService<TimeProvider>()));
        builder.Services.AddHostedService<DatabaseStartupService>();
        builder.Services.AddHealthChecks().AddDbContextCheck<NewsDeskDbContext>("database");
        return builder;
    }
}

/// <summary>The resolved data folder and connection string, after defaults and overrides.</summary>
public sealed record StoreLocation(string DataDirectory, string ConnectionString, DatabaseEngine Engine = DatabaseEngine.Sqlite)
{
    public static StoreLocation Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(NewsDeskOptions.SectionName).Get<NewsDeskOptions>() ?? new NewsDeskOptions();
        var dataDirectory = Path.GetFullPath(options.DataDirectory, environment.ContentRootPath);
        var connectionString = configuration.GetConnectionString(DataServiceCollectionExtensions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (options.Database != DatabaseEngine.Sqlite)
            {
                throw new InvalidOperationException(
                    $"NewsDesk:Database is {options.Database} but ConnectionStrings:NewsDesk is empty: set it to the server's connection string (\"Host=...;Database=...;Username=...\").");
            }

            connectionString = $"Data Source={Path.Combine(dataDirectory, "newsdesk.db")}";
        }

        return new StoreLocation(dataDirectory, connectionString, options.Database);
    }
}
