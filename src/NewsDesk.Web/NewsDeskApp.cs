using NewsDesk.Web.Data;
using NewsDesk.Web.Export;
using NewsDesk.Web.Operations;
using Serilog;

namespace NewsDesk.Web;

/// <summary>Composes the application: each feature registers itself through one AddXxx extension.</summary>
public static class NewsDeskApp
{
    /// <summary>Builds the app. Verbs build the same app (same services and configuration) but never run the server.</summary>
    public static WebApplication Build(IReadOnlyList<string> args, bool forVerb = false)
    {
        var builder = WebApplication.CreateBuilder([.. args]);
        if (forVerb)
        {
            // A verb's standard output is its result (scripts parse it); logs go to standard error.
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Serilog:WriteTo:Console:Args:standardErrorFromLevel"] = "Verbose",
            });
        }

        builder.AddNewsDeskLogging();
        builder.AddNewsDeskData();
        builder.AddExport();
        builder.Services.AddRazorPages();
        builder.AddNewsDeskKeys();

        var app = builder.Build();
        app.UseNewsDeskPipeline();
        return app;
    }

    private static void UseNewsDeskPipeline(this WebApplication app)
    {
        app.UseSerilogRequestLogging();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
        }

        app.UseStatusCodePagesWithReExecute("/Error/{0}");
        app.UseRouting();
        app.UseAuthorization();
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        app.MapHealthChecks("/healthz");
    }
}
