using NewsDesk.Web.Data.Sqlite;

namespace NewsDesk.Web.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>Registers the article list query and the store's full-text search implementation.</summary>
    public static WebApplicationBuilder AddNewsDeskSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IArticleTextSearch, SqliteArticleTextSearch>();
        builder.Services.AddScoped<ArticleListQuery>();
        return builder;
    }
}
