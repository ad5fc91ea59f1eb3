using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using NewsDesk.Web.Auth;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Cli;

/// <summary><c>tokens create --user EMAIL</c>: create a personal API token; the token is the last line of output, alone.</summary>
public static class TokensVerb
{
    public static Command Create()
    {
        var command = new Command("tokens", "Manage personal API tokens.");
        var user = new Option<string>("--user") { Description = "The email of the user the token acts as.", Required = true };
        var name = new Option<string>("--name") { Description = "A name to tell the token apart (default: cli).", DefaultValueFactory = _ => "cli" };
        var readOnly = new Option<bool>("--read-only") { Description = "The token may read but not write (writes get 403)." };
        var create = new Command("create", "Create a token and print it once.") { user, name, readOnly };
        create.TreatUnmatchedTokensAsErrors = false;
        create.SetAction((result, cancellationToken) => VerbHost.RunAsync(result, async (services, output, ct) =>
        {
            var email = result.GetValue(user)!;
            var owner = await services.GetRequiredService<UserManager<NewsDeskUser>>().FindByEmailAsync(email);
            if (owner is null)
            {
                await Console.Error.WriteLineAsync($"No user has the email {email}. Add one with: users add {email} --role editor");
                return 1;
            }

            var (token, secret) = await services.GetRequiredService<ApiTokens>().CreateAsync(owner.Id, result.GetValue(name)!, ct, result.GetValue(readOnly));
            await output.WriteLineAsync($"Created {(token.ReadOnly ? "read-only " : "")}token #{token.Id} '{token.Name}' for {owner.Email}; it is shown once:");
            await output.WriteLineAsync(secret);
            return 0;
        }, cancellationToken));
        command.Subcommands.Add(create);
        return command;
    }
}
