using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Web.Auth;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Operations;

/// <summary>
/// Two app instances on one PostgreSQL database (two hosts): a page one instance has cached shows the other's change
/// at once (LISTEN/NOTIFY), so does its actor type-ahead, and a sign-in cookie one instance issued is accepted by the other (keys in the database).
/// PostgreSQL whatever the suite runs on: SQLite refuses a second serving instance by design (its instance lock).
/// </summary>
[Trait(TestStore.EngineTrait, TestStore.FixedEngine)]
public sealed class SeveralInstancesTests : IAsyncLifetime
{
    private readonly string _dataDirectory = TestDirectory.Create();
    private NewsDeskFactory _first = null!;
    private NewsDeskFactory _second = null!;

    public Task InitializeAsync()
    {
        _first = NewsDeskFactory.On(_dataDirectory, TestEngine.Postgres).WithSetting("NewsDesk:ImportSeedsOnStart", "false");
        _first.CreateClient();
        _second = NewsDeskFactory.On(_dataDirectory, TestEngine.Postgres).WithSetting("NewsDesk:ImportSeedsOnStart", "false");
        _second.CreateClient();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_page_cached_by_one_instance_shows_a_change_saved_through_the_other()
    {
        var article = new Article { Url = "https://example.test/instances", Title = "Before", Text = "Text.", ContentHash = "instances" };
        await _first.InsertAsync(article);
        var reader = _second.CreateClient();
        Assert.Equal("Before", (await reader.GetDocumentAsync($"/articles/{article.Id}")).QuerySelector("article h1")!.TextContent);

        await _first.ExecuteDbContextAsync(async db =>
        {
            (await db.Articles.FindAsync(article.Id))!.Title = "After";
            await db.SaveChangesAsync();
        });

        // Within a second at most (a notification takes milliseconds).
        string? title = null;
        for (var attempt = 0; attempt < 25 && title != "After"; attempt++)
        {
            await Task.Delay(200);
            title = (await reader.GetDocumentAsync($"/articles/{article.Id}")).QuerySelector("article h1")!.TextContent;
        }

        Assert.Equal("After", title);
    }

    [Fact]
    public async Task A_change_saved_by_one_instance_starts_a_new_version_on_the_other()
    {
        var version = _second.Services.GetRequiredService<StoreVersion>();
        var before = version.Current;

        await _first.InsertAsync(new Actor { Name = "Seen elsewhere", Kind = ActorKind.ArmedGroup });

        for (var attempt = 0; attempt < 25 && version.Current == before; attempt++)
        {
            await Task.Delay(200);
        }

        Assert.NotEqual(before, version.Current);
    }

    [Fact]
    public async Task An_alias_added_through_one_instance_is_found_by_the_other_instances_type_ahead()
    {
        var actor = new Actor { Name = "Orange Elsewhere Corps", Kind = ActorKind.ArmedGroup };
        await _first.InsertAsync(actor);
        var reader = _second.CreateClient();
        Assert.Equal(["Orange Elsewhere Corps"], await reader.ActorNamesAsync("Orange Elsewhere"));
        Assert.Empty(await reader.ActorNamesAsync("Vaal Elsewhere"));

        await _first.ExecuteDbContextAsync(async db =>
        {
            db.ActorAliases.Add(new ActorAlias { ActorId = actor.Id, Name = "Vaal Elsewhere Corps" });
            await db.SaveChangesAsync();
        });

        // The second instance's index is patched from the journal when the first's notification arrives.
        string[] found = [];
        for (var attempt = 0; attempt < 25 && found.Length == 0; attempt++)
        {
            await Task.Delay(200);
            found = await reader.ActorNamesAsync("Vaal Elsewhere");
        }

        Assert.Equal(["Orange Elsewhere Corps"], found);
    }

    [Fact]
    public async Task A_sign_in_cookie_issued_by_one_instance_is_accepted_by_the_other()
    {
        await _first.EnsureUserAsync(Roles.Editor);
        var first = _first.CreateAnonymousClient();
        var second = _second.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/account/tokens")).StatusCode);

        // A page only a signed-in person sees. The login form's antiforgery cookie and token come from the first instance, the sign-in too.
        var form = await first.GetAsync("/account/login");
        var antiforgery = Cookies(form);
        var token = (new HtmlParser().ParseDocument(await form.Content.ReadAsStringAsync())
            .QuerySelector("form.login-form input[name=__RequestVerificationToken]") as IHtmlInputElement)!.Value;
        using var login = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Form.Email"] = NewsDeskFactory.EmailOf(Roles.Editor),
                ["Form.Password"] = NewsDeskFactory.Password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        login.Headers.Add("Cookie", antiforgery);
        var signedIn = await first.SendAsync(login);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        using var onSecond = new HttpRequestMessage(HttpMethod.Get, "/account/tokens");
        onSecond.Headers.Add("Cookie", Cookies(signedIn));
        var page = await second.SendAsync(onSecond);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
        if (_first.PostgresDatabaseName is { } database)
        {
            await TestStore.DropPostgresDatabaseAsync(database);
        }
    }
}
