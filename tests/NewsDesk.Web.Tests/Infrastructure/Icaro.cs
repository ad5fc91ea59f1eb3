using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Tests.Infrastructure;

/// <summary>The seeded model article, and small builders for annotation tests.</summary>
public static class Icaro
{
    public static Task<Article> ArticleAsync(this NewsDeskFactory factory) =>
        factory.ExecuteDbContextAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Url == "urn:newsdesk:seed:000_fdc9f962e834fc36"));

    /// <summary>Stores an article with the given text and returns it.</summary>
    public static async Task<Article> AddArticleAsync(this NewsDeskFactory factory, string text, string? title = null)
    {
        var article = new Article { Url = $"https://example.test/{Guid.NewGuid():N}", Title = title ?? "Test article", Text = text, ContentHash = Guid.NewGuid().ToString("N") };
        await factory.InsertAsync(article);
        return article;
    }

    public static async Task<Actor> AddActorAsync(this NewsDeskFactory factory, string name, params string[] aliases)
    {
        var actor = new Actor { Name = name, Aliases = [.. aliases.Select(a => new ActorAlias { Name = a })] };
        await factory.InsertAsync(actor);
        return actor;
    }

    /// <summary>The span of the first occurrence of a phrase, as the page would send it.</summary>
    public static (int Start, int End) SpanOf(this Article article, string phrase, int from = 0)
    {
        var start = article.Text.IndexOf(phrase, from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{phrase}' is not in the article");
        return (start, start + phrase.Length);
    }
}
