using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;

namespace NewsDesk.Web.Cli;

/// <summary><c>migrate</c>: apply pending migrations and exit (for deployments that migrate before serving).</summary>
public static class MigrateVerb
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply pending database migrations and exit.");
        command.SetAction((result, cancellationToken) => VerbHost.RunAsync(result, async (services, output, ct) =>
        {
            var db = services.GetRequiredService<NewsDeskDbContext>();
            var applied = await db.Database.GetAppliedMigrationsAsync(ct);
            await output.WriteLineAsync($"Database is at migration {applied.LastOrDefault() ?? "(none)"}.");
            return 0;
        }, cancellationToken));
        return command;
    }
}
