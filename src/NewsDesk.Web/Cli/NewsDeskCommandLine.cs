using System.CommandLine;
using NewsDesk.Web.Operations;

namespace NewsDesk.Web.Cli;

/// <summary>
/// The executable's verbs, in the shape scripts rely on: <c>newsdesk VERB [verb options] [ASP.NET arguments]</c>.
/// Anything a verb does not recognise (e.g. <c>--ConnectionStrings:NewsDesk=...</c>) is handed to the host's
/// configuration, exactly as when serving.
/// </summary>
public static class NewsDeskCommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("NewsDesk: aggregate, annotate and export the news. With no verb, serves the web app.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.Subcommands.Add(MigrateVerb.Create());
        root.Subcommands.Add(ImportSeedsVerb.Create());
        root.Subcommands.Add(ExtractVerb.Create());
        root.Subcommands.Add(SourcesVerb.Create());
        root.Subcommands.Add(ScrapeVerb.Create());
        root.Subcommands.Add(ExportVerb.Create());
        root.Subcommands.Add(UsersVerb.Create());
        root.Subcommands.Add(TokensVerb.Create());
        root.Subcommands.Add(BackupVerb.Create());
        root.Subcommands.Add(RestoreVerb.Create());
        root.Subcommands.Add(VerifyVerb.Create());
        root.Subcommands.Add(DigestVerb.Create());
        root.Subcommands.Add(CopyDbVerb.Create());
        foreach (var verb in root.Subcommands)
        {
            verb.TreatUnmatchedTokensAsErrors = false;
        }

        root.SetAction((result, cancellationToken) => ServeAsync(result, cancellationToken));

        var parsed = root.Parse(args);
        // Exceptions propagate: start-up errors must end the process with their message, and the test host
        // relies on seeing its own stop signal rather than a printed stack trace.
        return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }

    private static async Task<int> ServeAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var hostArgs = result.UnmatchedTokens;
        if (hostArgs.Count > 0 && !hostArgs[0].StartsWith('-'))
        {
            await Console.Error.WriteLineAsync($"Unknown verb '{hostArgs[0]}'. Run with --help to list the verbs.");
            return 2;
        }

        await using var app = NewsDeskApp.Build(hostArgs);
        try
        {
            await app.RunAsync(cancellationToken);
            return 0;
        }
        catch (Exception e) when (StartupProblem.Describe(e) is { } problem)
        {
            // A port taken, a data directory not writable, a database in use, a full disk: one line that says what
            // to do (the logs leave these exceptions out, see LoggingSetup), not a stack trace.
            await Console.Error.WriteLineAsync(problem);
            return 1;
        }
    }
}
