using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Cli;

[Trait(TestStore.EngineTrait, TestStore.FixedEngine)]
public class UsersAndTokensVerbTests
{
    [Fact]
    public async Task Users_add_reads_the_password_from_stdin_and_tokens_create_prints_a_working_token_last()
    {
        var dataDirectory = TestDirectory.Create();
        var database = AppProcess.Database(Path.Combine(dataDirectory, "newsdesk.db"));

        var added = await AppProcess.RunAsync(["users", "add", "desk@newsroom.test", "--role", "editor", database], standardInput: "Piped-password-2024\n");
        var token = await AppProcess.RunAsync(["tokens", "create", "--user", "desk@newsroom.test", database]);

        Assert.True(added.ExitCode == 0, added.Error);
        Assert.Contains("Added desk@newsroom.test as editor.", added.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Piped-password-2024", added.Output, StringComparison.Ordinal);
        Assert.True(token.ExitCode == 0, token.Error);
        var secret = token.Output.TrimEnd().Split('\n')[^1].Trim();
        Assert.Matches("^nd_[A-Za-z0-9_-]{43}$", secret);

        await using var app = NewsDeskFactory.On(dataDirectory, TestEngine.Sqlite);
        var script = app.CreateAnonymousClient();
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/actors")).StatusCode);
        var browser = app.CreateAnonymousClient(allowAutoRedirect: true);
        await NewsDeskFactory.SignInAsync(browser, "desk@newsroom.test", "Piped-password-2024");
        var actors = await app.ExecuteDbContextAsync(db => db.AuditEntries.Where(e => e.EntityType == "User" || e.EntityType == "ApiToken").Select(e => e.UserName).Distinct().ToListAsync());
        Assert.Contains("cli", actors);
    }

    [Fact]
    public async Task Users_add_at_a_terminal_generates_a_password_prints_it_once_and_it_signs_in()
    {
        var dataDirectory = TestDirectory.Create();
        var database = AppProcess.Database(Path.Combine(dataDirectory, "newsdesk.db"));
        var app = Path.Combine(AppContext.BaseDirectory, "NewsDesk.Web.dll");

        // util-linux `script` runs the verb on a pseudo-terminal: standard input is a terminal, as when a person types it.
        var run = await AppProcess.RunProgramAsync("script", ["-qec", $"dotnet '{app}' users add admin@newsroom.test --role admin '{database}'", "/dev/null"]);

        Assert.True(run.ExitCode == 0, run.Error + run.Output);
        var lines = run.Output.Replace("\r", "", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var shown = Array.IndexOf(lines, "Password (shown once, change it after signing in):");
        Assert.True(shown >= 0, run.Output);
        var password = lines[shown + 1];
        Assert.True(password.Length >= 16, password);
        Assert.Single(lines, l => l == password);

        await using var site = NewsDeskFactory.On(dataDirectory, TestEngine.Sqlite);
        var browser = site.CreateAnonymousClient(allowAutoRedirect: true);
        await NewsDeskFactory.SignInAsync(browser, "admin@newsroom.test", password);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_reason_and_a_nonzero_exit()
    {
        var database = AppProcess.Database(Path.Combine(TestDirectory.Create(), "newsdesk.db"));

        var badRole = await AppProcess.RunAsync(["users", "add", "x@newsroom.test", "--role", "owner", database], standardInput: "Piped-password-2024\n");
        var weak = await AppProcess.RunAsync(["users", "add", "x@newsroom.test", "--role", "viewer", database], standardInput: "short\n");
        var nobody = await AppProcess.RunAsync(["tokens", "create", "--user", "nobody@newsroom.test", database]);

        Assert.Equal(2, badRole.ExitCode);
        Assert.Contains("Unknown role 'owner'", badRole.Error, StringComparison.Ordinal);
        Assert.Equal(1, weak.ExitCode);
        Assert.Contains("at least 12 characters", weak.Error, StringComparison.Ordinal);
        Assert.Equal(1, nobody.ExitCode);
        Assert.Contains("No user has the email nobody@newsroom.test", nobody.Error, StringComparison.Ordinal);
    }
}
