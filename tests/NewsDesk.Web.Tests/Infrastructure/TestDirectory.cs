using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace NewsDesk.Web.Tests.Infrastructure;

/// <summary>
/// Fresh folders under the system temp folder for tests. Every folder made here is deleted when the test process
/// exits, so a test that hands its folder to a child process or a server (and cannot delete it while they run)
/// leaves nothing behind.
/// </summary>
public static class TestDirectory
{
    private static readonly ConcurrentBag<string> _created = [];

    static TestDirectory() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in _created)
        {
            TryDelete(path);
        }
    };

    public static string Create(string prefix = "newsdesk-test")
    {
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        _created.Add(path);
        return path;
    }

    /// <summary>Deletes a folder made by <see cref="Create"/>; a file still held open (a process not yet gone) leaves it for the OS to clean.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
