using System.Net.Http.Json;
using System.Text.Json;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Api;

public class VocabularyApiTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    [Fact]
    public async Task The_vocabulary_gives_each_value_the_API_accepts_with_the_label_readers_see()
    {
        var vocabulary = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/vocabulary");

        var kinds = vocabulary.GetProperty("actorKinds").EnumerateArray().ToDictionary(t => t.GetProperty("value").GetString()!, t => t.GetProperty("label").GetString());
        Assert.Equal("armed group", kinds["armedGroup"]);
        var claimKinds = vocabulary.GetProperty("claimKinds").EnumerateArray().ToDictionary(t => t.GetProperty("value").GetString()!, t => t.GetProperty("label").GetString());
        Assert.Equal("casualty figure", claimKinds["casualtyFigure"]);
        var explosions = vocabulary.GetProperty("eventTypes").EnumerateArray().Single(t => t.GetProperty("value").GetString() == "explosionsRemoteViolence");
        Assert.Equal("Explosions/Remote violence", explosions.GetProperty("label").GetString());
        Assert.Contains("Air/drone strike", explosions.GetProperty("subTypes").EnumerateArray().Select(s => s.GetString()));
    }
}
