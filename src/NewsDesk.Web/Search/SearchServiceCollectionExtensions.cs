using NewsDesk.Web.Data;
using NewsDesk.Web.Data.TextSearch;

namespace NewsDesk.Web.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>Registers finding and seeing: the article list query, the store's full-text search, the incident timeline.</summary>
    public static WebApplicationBuilder AddNewsDeskSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped(services => services.GetRequiredService<StoreEngine>().CreateTextSearch(services.GetRequiredService<NewsDeskDbContext>()));
        builder.Services.AddScoped<ArticleListQuery>();
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<ArticleFacets>();
        builder.Services.AddScoped<ListCounts>();
        builder.Services.AddScoped<Timeline.IncidentTimeline>();
        return builder;
    }
}
