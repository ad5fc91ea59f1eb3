using System.CommandLine;
using NewsDesk.Web.Evidence;

namespace NewsDesk.Web.Cli;

/// <summary><c>verify</c>: recompute every capture's digest and the audit log's hash chain; exit 1 on any problem.</summary>
public static class VerifyVerb
{
    public static Command Create()
    {
        var command = new Command("verify", "Check every capture against its digest and the audit log's hash chain; exit 1 on any problem.");
        command.SetAction((result, cancellationToken) => VerbHost.RunAsync(result, async (services, output, ct) =>
        {
            var report = await services.GetRequiredService<EvidenceVerifier>().VerifyAsync(ct);
            foreach (var line in report.Lines())
            {
                await output.WriteLineAsync(line);
            }

            return report.Intact ? 0 : 1;
        }, cancellationToken));
        return command;
    }
}
