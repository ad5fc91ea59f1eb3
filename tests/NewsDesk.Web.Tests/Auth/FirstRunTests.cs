using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Web.Auth;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Auth;

public class FirstRunTests
{
    [Fact]
    public async Task With_no_user_every_page_leads_to_setup_which_creates_the_first_admin_once()
    {
        await using var factory = new NewsDeskFactory();
        var client = factory.CreateFirstRunClient(allowAutoRedirect: false);

        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/setup", home.Headers.Location!.OriginalString);

        var created = await client.SubmitFormAsync("/setup", new Dictionary<string, string>
        {
            ["Form.Email"] = "chief@newsroom.test",
            ["Form.Password"] = "First-admin-2024",
            ["Form.ConfirmPassword"] = "First-admin-2024",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var page = await client.GetDocumentAsync("/");
        Assert.Equal("chief@newsroom.test", page.QuerySelector(".user-menu")!.TextContent);
        Assert.NotNull(page.QuerySelector("a[href='/admin/users']"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/setup")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateAnonymousClient().GetAsync("/setup")).StatusCode);
    }

    [Fact]
    public async Task A_weak_setup_password_is_refused_and_nothing_is_created()
    {
        await using var factory = new NewsDeskFactory();
        var client = factory.CreateFirstRunClient(allowAutoRedirect: false);

        var response = await client.SubmitFormAsync("/setup", new Dictionary<string, string>
        {
            ["Form.Email"] = "chief@newsroom.test",
            ["Form.Password"] = "password",
            ["Form.ConfirmPassword"] = "password",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("at least 12 characters", (await response.ReadDocumentAsync()).QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Setup_is_refused_to_other_machines()
    {
        await using var factory = new RemoteClientFactory();
        var client = factory.CreateFirstRunClient(allowAutoRedirect: false);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/setup")).StatusCode);
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, home.StatusCode);
        Assert.Contains("users add", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The app as seen from another machine on the network: every request comes from 203.0.113.7.</summary>
    private sealed class RemoteClientFactory : NewsDeskFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, RemoteAddress>());
        }

        private sealed class RemoteAddress : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((HttpContext context, Func<Task> nextMiddleware) =>
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
                    return nextMiddleware();
                });
                next(app);
            };
        }
    }
}
