using System.Text.Json;

namespace NewsDesk.Web.Tests.Architecture;

/// <summary>
/// What the build writes into the app's runtimeconfig.json, the file every start of NewsDesk.Web reads: ADR 1301's
/// workstation garbage collector (a misspelt MSBuild property once left the server GC on without any error) and ADR
/// 1302's compaction of a fragmented gen 2.
/// </summary>
public class RuntimeConfigTests
{
    [Fact]
    public void The_app_runs_with_the_workstation_garbage_collector()
    {
        var properties = ConfigProperties();

        Assert.True(properties.TryGetProperty("System.GC.Server", out var server), "System.GC.Server is not set: the ASP.NET Core default (server GC) applies");
        Assert.False(server.GetBoolean());
    }

    [Fact]
    public void The_garbage_collector_compacts_gen_2_once_30_percent_of_it_is_free()
    {
        var properties = ConfigProperties();

        Assert.True(properties.TryGetProperty("System.GC.ConserveMemory", out var conserve),
            "System.GC.ConserveMemory is not set: gen 2's free space grows with the scraper's articles (ADR 1302)");
        // The runtime reads 0-9: a blocking gen 2 once free space is over (10 - N) tenths of it.
        Assert.Equal(7, conserve.GetInt32());
    }

    private static JsonElement ConfigProperties()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "NewsDesk.Web.runtimeconfig.json");
        Assert.True(File.Exists(path), $"{path} is not next to the tests: the app's build output is expected there");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        return config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }
}
