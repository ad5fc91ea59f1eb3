using System.Buffers;
using NewsDesk.Web.Pages.Articles;
using NewsDesk.Web.Pages.Evidence;

namespace NewsDesk.Web.Pages;

public static class PagesSetup
{
    /// <summary>Razor Pages and what the pages need beyond the feature services.</summary>
    public static WebApplicationBuilder AddNewsDeskPages(this WebApplicationBuilder builder)
    {
        // Razor buffers a page's output in 1024-char pages rented from this pool before writing it out. The shared
        // pool keeps only a few arrays per size and core, so an article page with 200 mentions (100 KB, ~100 pages)
        // allocated most of its pages afresh on every request: a quarter of its time went to allocation and GC.
        // A pool of its own that keeps enough pages for a few large pages at once (2 KB each, 4 MB at most).
        // Registered before AddRazorPages, whose registration of the shared pool then stands aside (TryAdd).
        builder.Services.AddSingleton(ArrayPool<char>.Create(maxArrayLength: 64 * 1024, maxArraysPerBucket: 2048));
        builder.Services.AddRazorPages();
        builder.Services.AddScoped<ArticlePageReader>();
        builder.Services.AddScoped<ArticleEvidenceCache>();
        return builder;
    }
}
