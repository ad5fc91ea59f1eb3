using System.CommandLine;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Auditing;

namespace NewsDesk.Web.Cli;

/// <summary>Runs a verb's body inside the app's own services, after bringing the database up to date.</summary>
public static class VerbHost
{
    public delegate Task<int> VerbBody(IServiceProvider services, TextWriter output, CancellationToken cancellationToken);

    /// <param name="migrateFirst">False for a verb that must not touch the database before its body (restore).</param>
    public static async Task<int> RunAsync(ParseResult result, VerbBody body, CancellationToken cancellationToken, bool migrateFirst = true)
    {
        await using var app = NewsDeskApp.Build(result.UnmatchedTokens, forVerb: true);
        await using var scope = app.Services.CreateAsyncScope();
        if (migrateFirst)
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(cancellationToken);
        }

        // Verbs run headless without signing in: the audit log names them "cli".
        scope.ServiceProvider.GetRequiredService<CurrentActor>().UseSystemName(CurrentActor.Cli);
        return await body(scope.ServiceProvider, Console.Out, cancellationToken);
    }
}
