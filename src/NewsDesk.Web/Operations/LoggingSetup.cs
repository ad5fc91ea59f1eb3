using NewsDesk.Web.Data;
using Serilog;

namespace NewsDesk.Web.Operations;

public static class LoggingSetup
{
    /// <summary>The variable appsettings.json uses to put the rolling log file under the data folder.</summary>
    public const string DataDirectoryVariable = "NEWSDESK_DATA";

    /// <summary>Serilog configured from appsettings.json ("Serilog" section), replacing the default providers.</summary>
    public static WebApplicationBuilder AddNewsDeskLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) =>
        {
            // Serilog's file sink expands environment variables in its path; relative paths would follow the
            // working directory, not the content root, and scatter logs wherever the app was started from.
            Environment.SetEnvironmentVariable(DataDirectoryVariable, services.GetRequiredService<StoreLocation>().DataDirectory);
            logger.ReadFrom.Configuration(services.GetRequiredService<IConfiguration>()).ReadFrom.Services(services)
                // A misconfigured start is reported once, as one line by the entry point; the host's own record of
                // it would add the same failure again with a stack trace.
                .Filter.ByExcluding(e => StartupProblem.Describe(e.Exception) is not null);
        });
        return builder;
    }
}
