using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Web.Auth;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;
using NewsDesk.Web.Tests.Infrastructure.Builders;

namespace NewsDesk.Web.Tests.Api;

/// <summary>One test per limit that keeps a runaway script from hurting everyone else: rates, page sizes, token scopes.</summary>
public class ApiAbuseLimitsTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    [Fact]
    public async Task Writes_beyond_a_users_budget_get_429_with_Retry_After_and_other_users_are_not_slowed()
    {
        await using var limited = new NewsDeskFactory().WithSetting("RateLimits:WritesPerMinute", "3");
        var admin = limited.CreateClient();
        var editor = await limited.CreateClientAsync(Roles.Editor);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await admin.PostAsJsonAsync("/api/actors", new { name = $"Budget actor {i}" });
            statuses.Add(last.StatusCode);
        }

        var other = await editor.PostAsJsonAsync("/api/actors", new { name = "Another user's actor" });

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
        var retryAfter = int.Parse(last.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
    }

    [Fact]
    public async Task Searches_beyond_a_users_budget_get_429_while_plain_listing_goes_on()
    {
        await using var limited = new NewsDeskFactory().WithSetting("RateLimits:SearchesPerMinute", "2");
        var client = limited.CreateClient();

        var searches = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            searches.Add((await client.GetAsync($"/api/articles?q=militia{i}")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], searches);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/articles")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/?q=iran")).StatusCode);
    }

    [Fact]
    public async Task A_page_size_above_the_cap_returns_the_cap()
    {
        await factory.InsertAsync([.. Enumerable.Range(0, 101).Select(i => new ArticleBuilder().WithUrl($"https://cap.example/{i}").Build())]);
        await factory.InsertAsync([.. Enumerable.Range(0, 201).Select(i => new Actor { Name = $"Capped actor {i:D3}" })]);
        var client = factory.CreateClient();

        var articles = await client.GetFromJsonAsync<JsonElement>("/api/articles?limit=100000");
        var actors = await client.GetFromJsonAsync<JsonElement>("/api/actors?q=Capped&limit=100000");

        Assert.Equal(100, articles.GetProperty("items").GetArrayLength());
        Assert.NotEqual(JsonValueKind.Null, articles.GetProperty("next").ValueKind);
        Assert.Equal(200, actors.GetArrayLength());
    }

    [Fact]
    public async Task A_read_only_token_reads_but_every_write_gets_403()
    {
        var userId = await factory.EnsureUserAsync(Roles.Editor);
        string secret;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(userId, "dashboard", CancellationToken.None, readOnly: true);
        }

        var client = factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/actors?q=Iran")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/actors", new { name = "Not with this token" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync("/api/mentions/1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PatchAsJsonAsync("/api/mentions/1", new { entityType = "actor", entityId = 1 })).StatusCode);
    }

    [Fact]
    public async Task The_tokens_page_creates_a_read_only_token_when_asked()
    {
        var client = await factory.CreateClientAsync(Roles.Editor, apiToken: false);

        var created = await client.SubmitAsync("/account/tokens", "form.create-token",
            [Forms.Field("Name", "read-only dashboard"), Forms.Field("ReadOnly", "true")]);

        var page = await created.ReadDocumentAsync();
        var secret = page.QuerySelector("#new-token")!.TextContent.Trim();
        Assert.Contains("read only", page.QuerySelector("table.tokens tbody tr")!.TextContent, StringComparison.Ordinal);
        var scripted = factory.CreateAnonymousClient();
        scripted.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.Forbidden, (await scripted.PostAsJsonAsync("/api/actors", new { name = "Refused" })).StatusCode);
    }
}
