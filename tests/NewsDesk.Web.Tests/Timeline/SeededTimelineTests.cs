using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Timeline;

/// <summary>A new install's timeline: the incidents seeded from the ICARO article are on it, each linked.</summary>
public class SeededTimelineTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    [Fact]
    public async Task A_new_install_shows_the_ICARO_incidents_on_the_timeline()
    {
        var page = await factory.CreateClient().GetDocumentAsync("/timeline");

        var titles = page.QuerySelectorAll("svg.timeline a.timeline-mark title").Select(t => t.TextContent).ToList();
        Assert.Contains(titles, t => t.Contains("Koniko gas field", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.Contains("Tower 22", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.Contains("Tel Aviv", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.Contains("Asad", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.Contains("Eilat", StringComparison.Ordinal));
    }
}
