using NewsDesk.Web.Data;
using Serilog;

namespace NewsDesk.Web.Operations;

public static class LoggingSetup
{
    /// <summary>What appsettings.json writes in a Serilog path to put the file under the app's data folder.</summary>
    public const string DataDirectoryPlaceholder = "%NEWSDESK_DATA%";

    /// <summary>Serilog configured from appsettings.json ("Serilog" section), replacing the default providers.</summary>
    public static WebApplicationBuilder AddNewsDeskLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) =>
        {
            var configuration = WithDataDirectory(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<StoreLocation>().DataDirectory);
            logger.ReadFrom.Configuration(configuration).ReadFrom.Services(services)
                // A misconfigured start is reported once, as one line by the entry point; the host's own record of
                // it would add the same failure again with a stack trace.
                .Filter.ByExcluding(e => StartupProblem.Describe(e.Exception) is not null);
        },
        // Each host keeps its own logger. Without this, every host's ILogger writes through the process-wide Log.Logger:
        // the last host built wins, and the first one disposed closes it for all (the tests start many hosts at once).
        preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// The configuration with every Serilog setting that names the placeholder pointed at this app's data folder.
    /// Relative paths would follow the working directory, not the content root, and scatter logs wherever the app was
    /// started from. An environment variable for Serilog to expand would be process-wide: two hosts in one process (the
    /// tests start many) would write into each other's folders.
    /// </summary>
    public static IConfiguration WithDataDirectory(IConfiguration configuration, string dataDirectory)
    {
        var overlay = configuration.GetSection("Serilog").AsEnumerable()
            .Where(setting => setting.Value?.Contains(DataDirectoryPlaceholder, StringComparison.OrdinalIgnoreCase) == true)
            .Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value!.Replace(DataDirectoryPlaceholder, dataDirectory, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        return overlay.Count == 0
            ? configuration
            : new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(overlay).Build();
    }
}
