using System.Threading.Channels;
using NewsDesk.Web.Ingest;

namespace NewsDesk.Web.Tests.Ingest;

public class StoreBatchesTests(FixtureSite site, IngestFactory factory) : IClassFixture<FixtureSite>, IClassFixture<IngestFactory>
{
    /// <summary>
    /// Issue 20, finding 8: a large page is stored in a batch of its own, so it is not held while other pages of its
    /// batch are stored and nothing of it is reachable once its batch commits; the queue's order is kept and every
    /// page is taken exactly once.
    /// </summary>
    [Fact]
    public async Task A_large_page_is_a_batch_of_its_own_and_every_page_is_taken_once_in_order()
    {
        var ready = Channel.CreateBounded<string>(new BoundedChannelOptions(20) { SingleReader = true });
        string[] queue = ["s1", "s2", "L1", "s3", "L2", "L3", "s4", "s5", "s6", "s7"];
        foreach (var page in queue)
        {
            await ready.Writer.WriteAsync(page);
        }

        ready.Writer.Complete();
        var batches = new List<string[]>();
        var batch = new List<string>();
        while (await ready.Reader.WaitToReadAsync())
        {
            StoreBatches.Take(ready.Reader, batch, batchSize: 3, page => page.StartsWith('L'));
            batches.Add([.. batch]);
            batch.Clear();
        }

        Assert.Equal(["s1 s2", "L1", "s3", "L2", "L3", "s4 s5 s6", "s7"], batches.Select(b => string.Join(' ', b)));
    }

    [Fact]
    public async Task Large_pages_listed_among_small_ones_are_all_stored_once()
    {
        var id = await factory.AddSourceAsync(site.Url("/feeds/with-large.xml?items=mixed-a,large-mixed-b,mixed-c,large-mixed-d,large-mixed-e,mixed-f"));

        var summary = await factory.FetchSourceAsync(id);

        Assert.True(summary.Succeeded, summary.Error);
        Assert.Equal(6, summary.NewArticles);
        var stored = await factory.ArticlesOfAsync(id);
        Assert.Equal(
            ["large-mixed-b", "large-mixed-d", "large-mixed-e", "mixed-a", "mixed-c", "mixed-f"],
            stored.Select(a => a.Url[(a.Url.LastIndexOf('/') + 1)..^".html".Length]).Order(StringComparer.Ordinal));
        Assert.All(stored.Where(a => a.Url.Contains("/large/", StringComparison.Ordinal)), a => Assert.True(a.Text.Length > LargePageGate.DefaultThresholdBytes));
    }
}
