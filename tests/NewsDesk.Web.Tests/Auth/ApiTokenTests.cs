using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Auth;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Auth;

public class ApiTokenTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    [Fact]
    public async Task A_token_made_on_the_tokens_page_authenticates_the_api_until_revoked_and_is_stored_only_hashed()
    {
        var owner = await factory.CreateClientAsync(Roles.Editor, apiToken: false, allowAutoRedirect: false);
        var created = await owner.PostFormAsync("/account/tokens?handler=Create", ("Name", "nightly script"));
        var secret = (await created.ReadDocumentAsync()).QuerySelector("#new-token")!.TextContent;
        var script = factory.CreateAnonymousClient();
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        var made = await script.PostAsJsonAsync("/api/actors", new { name = "Made by a script", kind = "other" });

        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var stored = await factory.ExecuteDbContextAsync(db => db.ApiTokens.SingleAsync(t => t.Name == "nightly script"));
        Assert.NotEqual(secret, stored.Hash);
        Assert.DoesNotContain(secret, stored.Hash, StringComparison.Ordinal);
        Assert.Equal(ApiTokens.Hash(secret), stored.Hash);
        Assert.Equal(NewsDeskFactory.EmailOf(Roles.Editor),
            await factory.ExecuteDbContextAsync(db => db.Actors.Where(a => a.Name == "Made by a script").Select(a => a.CreatedBy).SingleAsync()));

        var tokensPage = await owner.GetDocumentAsync("/account/tokens");
        Assert.DoesNotContain(secret, tokensPage.Body!.TextContent, StringComparison.Ordinal);
        var revokeForm = tokensPage.QuerySelectorAll("table.tokens tr").Single(r => r.TextContent.Contains("nightly script", StringComparison.Ordinal)).QuerySelector("form.revoke-token")!;
        var tokenId = ((IHtmlInputElement)revokeForm.QuerySelector("input[name=tokenId]")!).Value;
        var revoked = await owner.PostFormAsync("/account/tokens?handler=Revoke", ("tokenId", tokenId));
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/actors")).StatusCode);
    }

    [Fact]
    public async Task A_viewer_token_reads_but_cannot_write_and_an_unknown_token_gets_401()
    {
        var viewer = await factory.CreateClientAsync(Roles.Viewer);
        var stranger = factory.CreateAnonymousClient();
        stranger.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "nd_not-a-real-token");

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/actors")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/actors", new { name = "Refused", kind = "other" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/actors")).StatusCode);
    }

    [Fact]
    public async Task A_token_does_not_open_the_pages_which_need_the_sign_in_cookie()
    {
        var editor = await factory.CreateClientAsync(Roles.Editor, allowAutoRedirect: false);
        var scriptOnly = factory.CreateAnonymousClient();
        scriptOnly.DefaultRequestHeaders.Authorization = editor.DefaultRequestHeaders.Authorization;

        Assert.Equal(HttpStatusCode.Redirect, (await scriptOnly.GetAsync("/actors")).StatusCode);
    }

    [Fact]
    public async Task Script_calls_signed_in_by_cookie_need_the_antiforgery_header()
    {
        var browser = await factory.CreateClientAsync(Roles.Editor, apiToken: false);

        var without = await browser.PostAsJsonAsync("/api/actors", new { name = "Cross-site attempt", kind = "other" });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/actors") { Content = JsonContent.Create(new { name = "From the page", kind = "other" }) };
        request.Headers.Add("RequestVerificationToken", await browser.AntiforgeryTokenAsync());
        var with = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.Equal(HttpStatusCode.Created, with.StatusCode);
    }
}
