using System.CommandLine;
using NewsDesk.Web.Auth;

namespace NewsDesk.Web.Cli;

/// <summary>
/// <c>users add EMAIL --role admin|editor|viewer</c>: create an account headless. The password is read from
/// standard input when that is redirected (a script, a secret store); at a terminal one is generated and printed once.
/// </summary>
public static class UsersVerb
{
    public static Command Create()
    {
        var command = new Command("users", "Manage the people who sign in.");
        var email = new Argument<string>("email") { Description = "The user's email (it is their sign-in name)." };
        var role = new Option<string>("--role") { Description = "admin, editor or viewer.", Required = true };
        var add = new Command("add", "Create a user with a role.") { email, role };
        add.TreatUnmatchedTokensAsErrors = false;
        add.SetAction((result, cancellationToken) => VerbHost.RunAsync(result, async (services, output, ct) =>
        {
            var roleName = result.GetValue(role)!.Trim().ToLowerInvariant();
            if (!Roles.IsValid(roleName))
            {
                await Console.Error.WriteLineAsync($"Unknown role '{roleName}': use {string.Join(", ", Roles.All)}.");
                return 2;
            }

            var generated = !Console.IsInputRedirected;
            var password = generated ? UserAccounts.GeneratePassword() : (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n') ?? "";
            var created = await services.GetRequiredService<UserAccounts>().CreateAsync(result.GetValue(email)!, roleName, password);
            if (!created.Succeeded)
            {
                await Console.Error.WriteLineAsync($"Cannot add {result.GetValue(email)}: {string.Join(" ", created.Errors)}");
                return 1;
            }

            await output.WriteLineAsync($"Added {created.User!.Email} as {roleName}.");
            if (generated)
            {
                await output.WriteLineAsync("Password (shown once, change it after signing in):");
                await output.WriteLineAsync(password);
            }

            return 0;
        }, cancellationToken));
        command.Subcommands.Add(add);
        return command;
    }
}
