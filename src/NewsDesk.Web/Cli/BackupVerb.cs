using System.CommandLine;
using System.Globalization;
using NewsDesk.Web.Data;

namespace NewsDesk.Web.Cli;

/// <summary><c>backup --out FILE</c>: a consistent copy of the database, safe while NewsDesk serves and scrapes.</summary>
public static class BackupVerb
{
    public static Command Create()
    {
        var output = new Option<string?>("--out") { Description = "The backup file to write." };
        var force = new Option<bool>("--force") { Description = "Replace the file if it exists." };
        var command = new Command("backup", "Write a consistent copy of the database to a file (while the app runs, too) and check it.") { output, force };
        command.SetAction((result, cancellationToken) => VerbHost.RunAsync(result, async (services, stdout, ct) =>
        {
            if (result.GetValue(output) is not { Length: > 0 } target)
            {
                await Console.Error.WriteLineAsync("Give --out FILE: where to write the backup.");
                return 2;
            }

            try
            {
                var report = await services.GetRequiredService<IStoreBackup>().BackupAsync(target, result.GetValue(force), ct);
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Backed up to {report.Target}: {report.Bytes:N0} bytes, integrity check {report.Integrity}, schema {report.LastMigration ?? "(none)"}."));
                return 0;
            }
            catch (BackupRefusedException refused)
            {
                await Console.Error.WriteLineAsync(refused.Message);
                return 1;
            }
        }, cancellationToken));
        return command;
    }
}
