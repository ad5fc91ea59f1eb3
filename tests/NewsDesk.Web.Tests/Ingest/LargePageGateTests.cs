using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Ingest;

namespace NewsDesk.Web.Tests.Ingest;

public class LargePageGateTests(FixtureSite site, IngestFactory factory) : IClassFixture<FixtureSite>, IClassFixture<IngestFactory>
{
    [Fact]
    public async Task Bodies_over_the_threshold_take_turns_and_smaller_ones_never_wait()
    {
        using var gate = new LargePageGate(thresholdBytes: 1000);

        var first = await gate.EnterAsync(1001, CancellationToken.None);
        var second = gate.EnterAsync(5_000_000, CancellationToken.None).AsTask();
        var small = gate.EnterAsync(1000, CancellationToken.None);

        Assert.True(small.IsCompletedSuccessfully);
        Assert.False(second.IsCompleted);
        Assert.Equal(1, gate.Waiting);
        first.Dispose();
        first.Dispose(); // a second dispose must not let two large pages in at once
        var secondPass = await second.WaitAsync(TimeSpan.FromSeconds(30));
        var third = gate.EnterAsync(2000, CancellationToken.None).AsTask();
        Assert.False(third.IsCompleted);
        secondPass.Dispose();
        (await third.WaitAsync(TimeSpan.FromSeconds(30))).Dispose();
        Assert.Equal(0, gate.Waiting);
    }

    [Fact]
    public async Task A_large_page_waits_while_another_is_extracted_and_a_small_page_does_not()
    {
        var gate = factory.Services.GetRequiredService<LargePageGate>();
        var largeId = await factory.AddSourceAsync(site.Url("/large/gated.html"), SourceKind.Page);
        var smallId = await factory.AddSourceAsync(site.Url("/articles/not-gated.html"), SourceKind.Page);

        Task<SourceFetchSummary> large;
        using (await gate.EnterAsync(gate.ThresholdBytes + 1, CancellationToken.None))
        {
            large = factory.FetchSourceAsync(largeId);
            var waited = Task.Run(async () =>
            {
                while (gate.Waiting == 0 && !large.IsCompleted)
                {
                    await Task.Delay(20);
                }
            });
            await waited.WaitAsync(TimeSpan.FromSeconds(60));

            var small = await factory.FetchSourceAsync(smallId);

            Assert.True(small.Succeeded, small.Error);
            Assert.Single(await factory.ArticlesOfAsync(smallId));
            Assert.False(large.IsCompleted, "the large page was extracted while another large page held the gate");
            Assert.Equal(1, gate.Waiting);
            Assert.Empty(await factory.ArticlesOfAsync(largeId));
        }

        var summary = await large.WaitAsync(TimeSpan.FromSeconds(120));
        Assert.True(summary.Succeeded, summary.Error);
        var article = Assert.Single(await factory.ArticlesOfAsync(largeId));
        Assert.True(article.Text.Length > gate.ThresholdBytes, $"the fixture page gave {article.Text.Length} characters, not a large page");
        Assert.StartsWith(FixturePages.Story("gated-0")[0], article.Text, StringComparison.Ordinal);
    }
}
