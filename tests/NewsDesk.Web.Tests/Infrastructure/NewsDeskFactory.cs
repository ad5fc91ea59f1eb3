using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Web.Data;

namespace NewsDesk.Web.Tests.Infrastructure;

/// <summary>
/// The real app on a fresh SQLite file in its own temporary data folder. One per test class
/// (<c>IClassFixture&lt;NewsDeskFactory&gt;</c>); helpers named as in ContosoUniversity's SliceFixture.
/// </summary>
public class NewsDeskFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = [];
    private bool _ownsDirectory;

    public NewsDeskFactory()
        : this(TestDirectory.Create())
    {
        _ownsDirectory = true;
    }

    protected NewsDeskFactory(string dataDirectory)
    {
        DataDirectory = dataDirectory;
        DatabasePath = Path.Combine(dataDirectory, "newsdesk.db");
        _settings["NewsDesk:DataDirectory"] = dataDirectory;
        _settings["ConnectionStrings:NewsDesk"] = $"Data Source={DatabasePath}";
    }

    /// <summary>A factory on an existing data folder (to start the app twice on the same files).</summary>
    public static NewsDeskFactory On(string dataDirectory) => new(dataDirectory);

    public string DataDirectory { get; }
    public string DatabasePath { get; }

    /// <summary>Adds or replaces a configuration value; call before the first request.</summary>
    public NewsDeskFactory WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public async Task ExecuteDbContextAsync(Func<NewsDeskDbContext, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>());
    }

    public async Task<T> ExecuteDbContextAsync<T>(Func<NewsDeskDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>());
    }

    public Task InsertAsync<T>(params T[] entities)
        where T : class => ExecuteDbContextAsync(async db =>
        {
            // AddRange(object) uses each entity's runtime type, so one call can insert an actor, an incident and a claim.
            db.AddRange(entities.Cast<object>());
            await db.SaveChangesAsync();
        });

    public Task<T?> FindAsync<T>(params object[] keys)
        where T : class => ExecuteDbContextAsync(db => db.Set<T>().FindAsync(keys).AsTask());

    public Task<int> CountAsync<T>()
        where T : class => ExecuteDbContextAsync(db => db.Set<T>().CountAsync());

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            if (_ownsDirectory)
            {
                // A folder given to On(dir) belongs to the test that made it; one this factory made goes with it.
                _ownsDirectory = false;
                TestDirectory.TryDelete(DataDirectory);
            }
        }
    }
}
