using System.CommandLine;
using System.Globalization;
using NewsDesk.Web.Data;

namespace NewsDesk.Web.Cli;

/// <summary>
/// <c>copy-db --to "Host=…;Database=…"</c>: moves the configured store (the SQLite file) into an empty PostgreSQL
/// database, all or nothing. The data directory (captures, keys) stays where it is: point the PostgreSQL instances
/// at it, or copy it along.
/// </summary>
public static class CopyDbVerb
{
    public static Command Create()
    {
        var to = new Option<string?>("--to") { Description = "The connection string of the empty PostgreSQL database to copy into." };
        var command = new Command("copy-db", "Copy this NewsDesk's database into an empty PostgreSQL database (all tables, ids, audit chain, accounts), all or nothing.") { to };
        command.SetAction((result, cancellationToken) => VerbHost.RunAsync(result, async (services, output, ct) =>
        {
            if (result.GetValue(to) is not { Length: > 0 } target)
            {
                await Console.Error.WriteLineAsync("Give --to \"Host=...;Database=...;Username=...;Password=...\": the PostgreSQL database to copy into.");
                return 2;
            }

            var source = services.GetRequiredService<NewsDeskDbContext>();
            await output.WriteLineAsync($"Copying {services.GetRequiredService<StoreEngine>().Describe(services.GetRequiredService<StoreLocation>().ConnectionString)}:");
            try
            {
                var report = await StoreEngines.For(DatabaseEngine.PostgreSQL).CopyIntoAsync(source, target, output, ct);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Copied {report.Tables.Sum(t => t.Rows):N0} rows in {report.Tables.Count} tables into {report.Target}; row counts match. Start NewsDesk with NewsDesk:Database=PostgreSQL and this connection string."));
                return 0;
            }
            catch (Exception ex) when (ex is CopyRefusedException or StoreProblemException)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 1;
            }
        }, cancellationToken));
        return command;
    }
}
