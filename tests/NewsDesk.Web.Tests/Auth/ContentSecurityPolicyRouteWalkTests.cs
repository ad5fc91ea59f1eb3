using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Web.Auth;
using NewsDesk.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace NewsDesk.Web.Tests.Auth;

/// <summary>
/// Walks every route the app maps (pages, API, health, OpenAPI), read from the routing table itself so a new page
/// cannot be forgotten, and checks each answer carries the Content-Security-Policy and is not a server error.
/// </summary>
public partial class ContentSecurityPolicyRouteWalkTests(NewsDeskFactory factory, ITestOutputHelper output) : IClassFixture<NewsDeskFactory>
{
    [Fact]
    public async Task Every_route_answers_with_the_content_security_policy_and_none_with_a_server_error()
    {
        var client = factory.CreateClient();
        var anonymous = factory.CreateAnonymousClient();
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? "")
            // Static files are many and alike; one of them is walked below.
            .Where(p => !p.Contains('.', StringComparison.Ordinal) || p.Contains('{', StringComparison.Ordinal))
            .Select(p => "/" + Parameter().Replace(p.TrimStart('/'), "1"))
            .Append("/css/site.css")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        var failures = new List<string>();
        foreach (var route in routes)
        {
            foreach (var (who, http) in new[] { ("admin", client), ("anonymous", anonymous) })
            {
                using var response = await http.GetAsync(route);
                var csp = response.Headers.TryGetValues("Content-Security-Policy", out var values) ? string.Join(" ", values) : null;
                output.WriteLine($"{(int)response.StatusCode} {who} {route}");
                if (csp != SecurityHeaders.ContentSecurityPolicy || (int)response.StatusCode >= 500)
                {
                    failures.Add($"{who} {route}: {(int)response.StatusCode}, CSP {csp ?? "missing"}");
                }
            }
        }

        Assert.True(routes.Count > 40, $"only {routes.Count} routes found: the walk did not read the routing table");
        Assert.Empty(failures);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
