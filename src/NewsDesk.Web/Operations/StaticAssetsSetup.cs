using Microsoft.AspNetCore.Hosting.StaticWebAssets;

namespace NewsDesk.Web.Operations;

/// <summary>
/// Makes <c>MapStaticAssets</c> find its files however NewsDesk is started: from a publish folder, or from the build
/// output as <c>dotnet run</c> does, in any environment (docs/decisions/1200-static-assets-from-build-output.md).
/// </summary>
public static class StaticAssetsSetup
{
    /// <summary>
    /// The build writes <c>NewsDesk.Web.staticwebassets.runtime.json</c> beside the executable: it maps every asset
    /// route, including the pre-compressed <c>.gz</c> files the build keeps under <c>obj/</c>, to where the file is.
    /// ASP.NET Core reads it only in Development, so <c>dotnet run</c> in Production answered gzip requests with
    /// empty bodies. A publish folder has no such file (its wwwroot holds every asset), so there this does nothing.
    /// </summary>
    public static WebApplicationBuilder AddNewsDeskStaticAssets(this WebApplicationBuilder builder)
    {
        // Development reads the manifest already (reading it twice would stack a second file provider) and keeps
        // the asset reloader that answers no-cache so an edited file shows at once.
        if (builder.Environment.IsDevelopment() || !File.Exists(BuildManifestPath(builder.Environment)))
        {
            return builder;
        }

        StaticWebAssetsLoader.UseStaticWebAssets(builder.Environment, builder.Configuration);
        // Outside Development the build output is served as a publish folder is: the manifest's own headers
        // (fingerprinted URLs immutable for a year, ETags) and no catch-all route for files added after the build.
        // The reloader would otherwise switch itself on for any build manifest. An explicit setting still wins.
        builder.Configuration[ReloadAtRuntimeKey] ??= "false";
        return builder;
    }

    /// <summary>ASP.NET Core's switch for re-reading wwwroot on every request instead of trusting the manifest.</summary>
    public const string ReloadAtRuntimeKey = "ReloadStaticAssetsAtRuntime";

    /// <summary>Where the build puts its asset manifest (the same default the loader uses).</summary>
    public static string BuildManifestPath(IHostEnvironment environment) =>
        Path.Combine(AppContext.BaseDirectory, $"{environment.ApplicationName}.staticwebassets.runtime.json");
}
