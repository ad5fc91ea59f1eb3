using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Operations;

public class HealthCheckTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    [Fact]
    public async Task Healthz_reports_healthy_when_the_database_answers()
    {
        var response = await factory.CreateClient().GetAsync("/healthz");

        response.EnsureSuccessStatusCode();
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Healthz_reports_unhealthy_when_the_database_is_gone()
    {
        var dataDirectory = TestDirectory.Create();
        await using var broken = NewsDeskFactory.On(dataDirectory, TestEngine.Sqlite);
        var client = broken.CreateClient();
        await client.GetAsync("/healthz");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDirectory, recursive: true);

        var response = await client.GetAsync("/healthz");

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
