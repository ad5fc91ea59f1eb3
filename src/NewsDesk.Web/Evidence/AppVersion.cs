using System.Diagnostics;

namespace NewsDesk.Web.Evidence;

/// <summary>The application's version, as bundles and WARC files name it.</summary>
public static class AppVersion
{
    public static string Current { get; } =
        FileVersionInfo.GetVersionInfo(typeof(AppVersion).Assembly.Location).ProductVersion ?? "unknown";
}
