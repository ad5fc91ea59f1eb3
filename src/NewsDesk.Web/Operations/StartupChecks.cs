using Microsoft.Extensions.Options;
using NewsDesk.Web.Data;

namespace NewsDesk.Web.Operations;

/// <summary>
/// Checks what a start needs before anything touches the database: a data directory NewsDesk can write, room on its
/// disk, and no other serving NewsDesk on the same database. Each failure is a <see cref="StartupProblemException"/>
/// naming the folder and what to do.
/// </summary>
public sealed class StartupChecks(StoreLocation store, StoreEngine engine, IOptions<NewsDeskOptions> options) : IHostedService, IDisposable
{
    private IDisposable? _instanceLock;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        EnsureWritable(store.DataDirectory);
        EnsureFreeSpace(store.DataDirectory, options.Value.MinimumFreeDiskMegabytes);
        if (engine.DatabaseFile(store.ConnectionString) is { } database)
        {
            EnsureWritable(Path.GetDirectoryName(database)!);
        }

        try
        {
            _instanceLock = engine.LockForServing(store.ConnectionString);
        }
        catch (StoreInUseException inUse)
        {
            throw new StartupProblemException(
                $"NewsDesk cannot start: {inUse.Message}. Stop that one first, or give this one its own NewsDesk:DataDirectory.", inUse);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _instanceLock?.Dispose();
        _instanceLock = null;
    }

    /// <summary>Creates the folder if needed and proves a file can be written there (what SQLite, logs and keys need).</summary>
    public static void EnsureWritable(string directory)
    {
        var probe = Path.Combine(directory, $".write-check-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(directory);
            File.WriteAllBytes(probe, [1]);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && StartupProblem.Describe(e) is null)
        {
            throw new StartupProblemException(
                $"NewsDesk cannot start: its data directory {directory} is not writable by user '{Environment.UserName}' ({e.Message.TrimEnd('.')}). " +
                "Make it writable by that user, or set NewsDesk:DataDirectory to another folder.", e);
        }
    }

    /// <summary>A start on a full disk would fail half-way through a migration or a seed import: refuse it up front.</summary>
    public static void EnsureFreeSpace(string directory, long minimumMegabytes)
    {
        var free = new DriveInfo(Path.GetFullPath(directory)).AvailableFreeSpace / (1024 * 1024);
        if (free < minimumMegabytes)
        {
            throw new StartupProblemException(
                $"NewsDesk cannot start: the disk holding {directory} is full ({free} MB free, NewsDesk:MinimumFreeDiskMegabytes is {minimumMegabytes}). " +
                "Free some space or move NewsDesk:DataDirectory to a larger disk.");
        }
    }
}

public static class StartupChecksSetup
{
    /// <summary>Registered before the store so its checks run before migrations (hosted services start in order).</summary>
    public static WebApplicationBuilder AddNewsDeskStartupChecks(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<StartupChecks>();
        return builder;
    }
}
