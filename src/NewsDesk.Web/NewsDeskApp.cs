using NewsDesk.Web.Api;
using NewsDesk.Web.Auth;
using NewsDesk.Web.Data;
using NewsDesk.Web.Evidence;
using NewsDesk.Web.Export;
using NewsDesk.Web.Ingest;
using NewsDesk.Web.Map;
using NewsDesk.Web.Operations;
using NewsDesk.Web.Pages;
using NewsDesk.Web.Places;
using NewsDesk.Web.Search;
using NewsDesk.Web.Suggestions;
using NewsDesk.Web.Watchlists;
using Serilog;

namespace NewsDesk.Web;

/// <summary>Composes the application: each feature registers itself through one AddXxx extension.</summary>
public static class NewsDeskApp
{
    /// <summary>Builds the app. Verbs build the same app (same services and configuration) but never run the server.</summary>
    public static WebApplication Build(IReadOnlyList<string> args, bool forVerb = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. args],
            ContentRootPath = DefaultContentRoot(args),
        });
        if (forVerb)
        {
            // A verb's standard output is its result (scripts parse it); logs go to standard error.
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Serilog:WriteTo:Console:Args:standardErrorFromLevel"] = "Verbose",
            });
        }

        builder.AddNewsDeskLogging();
        builder.AddNewsDeskStaticAssets();
        builder.AddNewsDeskStartupChecks();
        builder.AddRequestBodyLimits();
        builder.AddNewsDeskData();
        builder.AddNewsDeskSearch();
        builder.AddEvidence();
        builder.AddIngest();
        builder.AddExport();
        builder.AddPlaces();
        builder.AddSuggestions();
        builder.AddWatchlists();
        builder.AddIncidentMap();
        builder.AddNewsDeskPages();
        builder.AddNewsDeskKeys();
        builder.AddNewsDeskApi();
        builder.AddNewsDeskAuth();
        builder.AddNewsDeskReverseProxy();

        var app = builder.Build();
        app.UseNewsDeskPipeline();
        app.MapNewsDeskApi();
        return app;
    }

    /// <summary>
    /// The content root is the working directory (as <c>dotnet run</c> sets it: the project folder) when that holds
    /// the app's settings; started from anywhere else (cron, a script), it is the executable's own folder, so
    /// appsettings.json is always found.
    /// </summary>
    private static string? DefaultContentRoot(IReadOnlyList<string> args)
    {
        var explicitRoot = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is not null;
        var settingsHere = File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"));
        return explicitRoot || settingsHere ? null : AppContext.BaseDirectory;
    }

    private static void UseNewsDeskPipeline(this WebApplication app)
    {
        app.UseNewsDeskReverseProxy();
        app.UseSerilogRequestLogging();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
        }

        app.UseStatusCodePagesWithReExecute("/Error/{0}");
        app.UseRouting();
        app.UseRequestBodyLimits();
        app.UseNewsDeskAuth();
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapArticleSearchApi();
    }
}
