namespace NewsDesk.Web.Tests.Infrastructure;

/// <summary>Fresh folders under the system temp folder, one per test fixture.</summary>
public static class TestDirectory
{
    public static string Create(string prefix = "newsdesk-test")
    {
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
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
