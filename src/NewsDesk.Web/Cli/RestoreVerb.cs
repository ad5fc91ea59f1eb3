using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;

namespace NewsDesk.Web.Cli;

/// <summary>
/// <c>restore --from FILE</c>: replace the database with a backup, after checking it (integrity, a NewsDesk schema
/// this version knows) and only while no NewsDesk serves it; then migrate it to this version.
/// </summary>
public static class RestoreVerb
{
    public static Command Create()
    {
        var from = new Option<string?>("--from") { Description = "The backup file to restore." };
        var command = new Command("restore", "Replace the database with a backup file (stop the server first). The replaced database is kept beside it.") { from };
        command.SetAction((result, cancellationToken) => VerbHost.RunAsync(result, async (services, stdout, ct) =>
        {
            if (result.GetValue(from) is not { Length: > 0 } source)
            {
                await Console.Error.WriteLineAsync("Give --from FILE: the backup to restore.");
                return 2;
            }

            try
            {
                var known = services.GetRequiredService<NewsDeskDbContext>().Database.GetMigrations().ToList();
                var report = await services.GetRequiredService<IStoreBackup>().RestoreAsync(source, known, ct);
                await stdout.WriteLineAsync($"Restored {report.Source} (schema {report.LastMigration}) into {report.Database}.");
                if (report.PreviousKeptAt is { } kept)
                {
                    await stdout.WriteLineAsync($"The database it replaced is kept at {kept}.");
                }

                // An older backup is brought to this version's schema now rather than at the next start.
                await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
                await stdout.WriteLineAsync($"Schema now at {known.LastOrDefault()}.");
                return 0;
            }
            catch (BackupRefusedException refused)
            {
                await Console.Error.WriteLineAsync(refused.Message);
                return 1;
            }
        }, cancellationToken, migrateFirst: false));
        return command;
    }
}
