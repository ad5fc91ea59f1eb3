using NewsDesk.Extraction.Decoding;

namespace NewsDesk.Extraction.Tests.Decoding;

public class NestingGuardTests
{
    [Fact]
    public void EstimateDepth_counts_nested_open_tags()
    {
        Assert.Equal(3, NestingGuard.EstimateDepth("<div><section><span>x</span></section></div>", 100));
    }

    [Fact]
    public void EstimateDepth_ignores_void_and_routinely_unclosed_tags()
    {
        var html = string.Concat(Enumerable.Repeat("<p>para<br><img src=x><li>item", 10_000));

        Assert.Equal(0, NestingGuard.EstimateDepth(html, 100));
    }

    [Fact]
    public void EstimateDepth_ignores_tags_inside_scripts_and_comments()
    {
        var html = "<script>var s = '<div><div><div>';</script><!-- <div><div> --><div>x</div>";

        Assert.Equal(1, NestingGuard.EstimateDepth(html, 100));
    }

    [Fact]
    public void EstimateDepth_stops_once_past_the_limit()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 100_000));

        Assert.Equal(11, NestingGuard.EstimateDepth(html, 10));
    }
}
