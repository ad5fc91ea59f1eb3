using System.Net;
using System.Net.Http.Json;
using NewsDesk.Web.Auth;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;
using NewsDesk.Web.Tests.Infrastructure.Builders;

namespace NewsDesk.Web.Tests.Auth;

/// <summary>Each role against each mutating page handler and API endpoint: allowed ones succeed, refused ones get 403 and change nothing.</summary>
public class RoleAuthorizationTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    public static TheoryData<string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, bool>();
        string[] editorLevel = ["create actor page", "edit actor page", "create incident page", "create claim page", "create collection page", "api create actor", "api create mention", "api delete mention"];
        string[] adminLevel = ["toggle source page", "delete source page", "invite user page"];
        foreach (var mutation in editorLevel)
        {
            data.Add(Roles.Viewer, mutation, false);
            data.Add(Roles.Editor, mutation, true);
            data.Add(Roles.Admin, mutation, true);
        }

        foreach (var mutation in adminLevel)
        {
            data.Add(Roles.Viewer, mutation, false);
            data.Add(Roles.Editor, mutation, false);
            data.Add(Roles.Admin, mutation, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_may_do_exactly_what_it_allows(string role, string mutation, bool allowed)
    {
        var client = await factory.CreateClientAsync(role, allowAutoRedirect: false);
        var send = await PrepareAsync(mutation, client);
        var auditBefore = await factory.CountAsync<AuditEntry>();

        var response = await send();

        if (allowed)
        {
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Created or HttpStatusCode.NoContent or HttpStatusCode.OK,
                $"{role} {mutation}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.True(await factory.CountAsync<AuditEntry>() > auditBefore, "an allowed change is in the audit log");
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal(auditBefore, await factory.CountAsync<AuditEntry>());
        }
    }

    [Fact]
    public async Task A_viewer_still_reads_pages_and_the_api_and_changes_their_own_password()
    {
        var client = await factory.CreateClientAsync(Roles.Viewer, allowAutoRedirect: false);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/actors")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/sources")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/actors?q=a")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/sources/add")).StatusCode);

        var viewer = await factory.CreateClientAsync(Roles.Viewer, allowAutoRedirect: false);
        var changed = await viewer.PostFormAsync("/account/password",
            ("Form.CurrentPassword", NewsDeskFactory.Password), ("Form.NewPassword", "Another-password-9"), ("Form.ConfirmPassword", "Another-password-9"));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var fresh = factory.CreateAnonymousClient();
        await NewsDeskFactory.SignInAsync(fresh, NewsDeskFactory.EmailOf(Roles.Viewer), "Another-password-9");
        await viewer.PostFormAsync("/account/password",
            ("Form.CurrentPassword", "Another-password-9"), ("Form.NewPassword", NewsDeskFactory.Password), ("Form.ConfirmPassword", NewsDeskFactory.Password));
    }

    /// <summary>Sets up what the mutation needs (audited itself), and returns the request to send.</summary>
    private async Task<Func<Task<HttpResponseMessage>>> PrepareAsync(string mutation, HttpClient client)
    {
        var name = $"Made by test {Guid.NewGuid():N}";
        switch (mutation)
        {
            case "create actor page":
                return () => client.PostFormAsync("/actors/new", ("Form.Name", name), ("Form.Kind", "Other"));
            case "edit actor page":
                {
                    Actor actor = new ActorBuilder();
                    await factory.InsertAsync(actor);
                    return () => client.PostFormAsync($"/actors/{actor.Id}/edit", ("Form.Name", name), ("Form.Kind", "Other"), ("Form.Version", "1"));
                }

            case "create incident page":
                return () => client.PostFormAsync("/incidents/new", ("Form.Title", name), ("Form.DatePrecision", "Day"), ("Form.Status", "Reported"));
            case "create claim page":
                return () => client.PostFormAsync("/claims/new", ("Form.Text", name), ("Form.Kind", "Other"), ("Form.Assessment", "Unverified"));
            case "create collection page":
                return () => client.PostFormAsync("/collections", ("Form.Name", name));
            case "toggle source page":
                {
                    var source = new Source { Name = name, Url = $"https://example.test/{Guid.NewGuid():N}", Kind = SourceKind.Feed };
                    await factory.InsertAsync(source);
                    return () => client.PostFormAsync($"/sources/{source.Id}?handler=Toggle");
                }

            case "delete source page":
                {
                    var source = new Source { Name = name, Url = $"https://example.test/{Guid.NewGuid():N}", Kind = SourceKind.Page };
                    await factory.InsertAsync(source);
                    return () => client.PostFormAsync($"/sources/{source.Id}?handler=Delete");
                }

            case "invite user page":
                return () => client.PostFormAsync("/admin/users?handler=Invite", ("Invite.Email", $"{Guid.NewGuid():N}@newsdesk.test"), ("Invite.Role", Roles.Viewer));
            case "api create actor":
                return () => client.PostAsJsonAsync("/api/actors", new { name, kind = "other" });
            case "api create mention":
                {
                    var article = new ArticleBuilder().WithText("Kataib Hezbollah attacked.").Build();
                    await factory.InsertAsync(article);
                    return () => client.PostAsJsonAsync($"/api/articles/{article.Id}/mentions", new { start = 0, end = 16, quote = "Kataib Hezbollah", entityType = "actor", newEntity = new { name } });
                }

            case "api delete mention":
                {
                    var article = new ArticleBuilder().WithText("Kataib Hezbollah attacked.").Build();
                    Actor actor = new ActorBuilder();
                    await factory.InsertAsync<object>(article, actor);
                    var mention = new Mention { ArticleId = article.Id, Start = 0, End = 16, Quote = "Kataib Hezbollah", ActorId = actor.Id };
                    await factory.InsertAsync(mention);
                    return () => client.DeleteAsync($"/api/mentions/{mention.Id}");
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(mutation), mutation, null);
        }
    }
}
