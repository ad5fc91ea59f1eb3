using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Ingest;

namespace NewsDesk.Web.Tests.Domain;

public class SimHashTests
{
    [Fact]
    public void A_copy_with_another_sign_off_is_within_the_near_duplicate_distance()
    {
        var text = string.Join("\n\n", FixturePages.Story("wire"));

        var original = SimHash.Of(text)!.Value;
        var copy = SimHash.Of("By a staff reporter.\n\n" + text + "\n\nReporting by Beta Times; editing by the desk.")!.Value;

        Assert.True(SimHash.Distance(original, copy) <= SimHash.DefaultMaxDistance, $"distance {SimHash.Distance(original, copy)}");
    }

    [Fact]
    public void Different_stories_are_far_apart()
    {
        var a = SimHash.Of(string.Join("\n\n", FixturePages.Story("first story")))!.Value;
        var b = SimHash.Of(string.Join("\n\n", FixturePages.Story("second story")))!.Value;

        Assert.True(SimHash.Distance(a, b) > 10, $"distance {SimHash.Distance(a, b)}");
    }

    [Fact]
    public void Case_and_punctuation_do_not_change_the_fingerprint()
    {
        var text = string.Join(" ", FixturePages.Story("punctuation"));

        Assert.Equal(SimHash.Of(text), SimHash.Of(text.ToUpperInvariant().Replace('.', ';')));
    }

    [Fact]
    public void Short_texts_get_no_fingerprint()
    {
        Assert.Null(SimHash.Of("Too short to compare."));
    }
}
