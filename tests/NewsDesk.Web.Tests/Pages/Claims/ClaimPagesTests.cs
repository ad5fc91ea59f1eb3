using System.Net;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Pages.Claims;

public class ClaimPagesTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    private readonly HttpClient _client = factory.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task Creating_a_claim_from_the_form_then_seeing_where_it_appears()
    {
        var response = await _client.SubmitFormAsync("/claims/new", new Dictionary<string, string>
        {
            ["Form.Text"] = "Al Mayadeen: explosions were heard in nearby villages",
            ["Form.Kind"] = nameof(ClaimKind.Other),
            ["Form.Assessment"] = nameof(ClaimAssessment.Corroborated),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await _client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Al Mayadeen: explosions were heard in nearby villages", page.QuerySelector(".record-name")!.TextContent);
        Assert.Contains("corroborated", page.QuerySelector(".record-fields")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_a_claim_with_a_stale_version_is_refused()
    {
        var claim = new Claim { Text = "Stale claim" };
        await factory.InsertAsync(claim);
        var stale = await _client.GetDocumentAsync($"/claims/{claim.Id}/edit");
        await _client.SubmitFormAsync($"/claims/{claim.Id}/edit", new Dictionary<string, string> { ["Form.Assessment"] = nameof(ClaimAssessment.False) });

        var second = await _client.SubmitFormAsync(stale, $"/claims/{claim.Id}/edit", new Dictionary<string, string> { ["Form.Assessment"] = nameof(ClaimAssessment.Corroborated) });

        Assert.Contains("Someone else saved this claim", (await second.ReadDocumentAsync()).QuerySelector(".conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ClaimAssessment.False, (await factory.FindAsync<Claim>(claim.Id))!.Assessment);
    }
}
