using System.CommandLine;
using NewsDesk.Web.Data;

namespace NewsDesk.Web.Cli;

/// <summary><c>import-seeds</c>: import the seed data that is not in the database yet.</summary>
public static class ImportSeedsVerb
{
    public static Command Create()
    {
        var command = new Command("import-seeds", "Import seeds/ into the database; what is already there is skipped.");
        command.SetAction((result, cancellationToken) => VerbHost.RunAsync(result, async (services, output, ct) =>
        {
            var initializer = services.GetRequiredService<DatabaseInitializer>();
            var added = await initializer.ImportSeedsAsync(ct);
            await output.WriteLineAsync($"Imported {added} seed article(s).");
            await output.WriteLineAsync($"Imported {await initializer.ImportKnowledgeSeedsAsync(ct)}.");
            return 0;
        }, cancellationToken));
        return command;
    }
}
