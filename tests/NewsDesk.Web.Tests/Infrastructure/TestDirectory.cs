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
}
