using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Extraction;
using NewsDesk.Web.Data;
using NewsDesk.Web.Ingest;

namespace NewsDesk.Web.Tests.Ingest;

/// <summary>
/// A fetch stores thousands of articles through one context that also tracks the source (its fetch log and schedule
/// are saved at the end): nothing of an article may stay reachable once its batch is saved, or the fetch's memory
/// grows with the number of articles it stores.
/// </summary>
public class StoredArticleMemoryTests(IngestFactory factory) : IClassFixture<IngestFactory>
{
    [Fact]
    public async Task A_stored_article_and_its_text_are_not_kept_by_the_context_that_tracks_its_source()
    {
        var sourceId = await factory.AddSourceAsync("https://memory.example/feed.xml");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>();
        // Tracked, as SourceFetcher tracks the source it fetches.
        var source = await db.Sources.FindAsync(sourceId);
        var store = scope.ServiceProvider.GetRequiredService<ArticleStore>();

        var (article, text, html) = await StoreAsync(store, sourceId);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(article.IsAlive, "the stored article is still referenced");
        Assert.False(text.IsAlive, "the stored article's text is still referenced");
        Assert.False(html.IsAlive, "the stored article's HTML is still referenced");
        Assert.Empty(source!.Articles);
    }

    // Not inlined: the article must not stay on this method's stack as a hidden local.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<(WeakReference Article, WeakReference Text, WeakReference Html)> StoreAsync(ArticleStore store, int sourceId)
    {
        // Built at run time: a literal would be interned and live for ever.
        var text = string.Concat(Enumerable.Repeat($"Words of a story {Guid.NewGuid()} that must not outlive its save. ", 50));
        var extracted = new ExtractedArticle { Title = "Kept?", Text = text, Html = $"<p>{text}</p>" };
        var pending = new PendingArticle(extracted, new Uri($"https://memory.example/story-{Guid.NewGuid():N}"), sourceId, null, null, null);
        var results = await store.SaveBatchAsync([pending], CancellationToken.None);
        Assert.Equal(StoreOutcome.Added, results[0].Outcome);
        Assert.Equal(sourceId, results[0].Article!.SourceId);
        return (new WeakReference(results[0].Article), new WeakReference(extracted.Text), new WeakReference(extracted.Html));
    }
}
