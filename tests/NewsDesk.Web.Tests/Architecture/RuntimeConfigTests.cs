using System.Text.Json;

namespace NewsDesk.Web.Tests.Architecture;

/// <summary>
/// What the build writes into the app's runtimeconfig.json, the file every start of NewsDesk.Web reads: ADR 1301's
/// workstation garbage collector (a misspelt MSBuild property once left the server GC on without any error).
/// </summary>
public class RuntimeConfigTests
{
    [Fact]
    public void The_app_runs_with_the_workstation_garbage_collector()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "NewsDesk.Web.runtimeconfig.json");
        Assert.True(File.Exists(path), $"{path} is not next to the tests: the app's build output is expected there");

        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(properties.TryGetProperty("System.GC.Server", out var server), "System.GC.Server is not set: the ASP.NET Core default (server GC) applies");
        Assert.False(server.GetBoolean());
    }
}
