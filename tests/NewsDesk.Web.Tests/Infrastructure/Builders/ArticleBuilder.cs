using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Tests.Infrastructure.Builders;

/// <summary>Builds articles with sensible defaults; each gets a unique URL and hash unless told otherwise.</summary>
public sealed class ArticleBuilder
{
    private static int _next;

    private readonly Article _article;

    public ArticleBuilder()
    {
        var n = Interlocked.Increment(ref _next);
        _article = new Article
        {
            Url = $"https://news.example.test/{Guid.NewGuid():N}/story-{n}",
            Title = $"Story {n}",
            SiteName = "Example News",
            Language = "en",
            Text = $"Body of story {n}.",
            ContentHash = Guid.NewGuid().ToString("N"),
            PublishedAt = new DateTime(2024, 7, 27, 0, 0, 0, DateTimeKind.Utc),
            PublishedPrecision = DatePrecision.Day,
            FetchedAt = new DateTime(2024, 7, 28, 9, 30, 0, DateTimeKind.Utc),
        };
    }

    public ArticleBuilder Titled(string title) => Set(a => a.Title = title);

    public ArticleBuilder WithText(string text) => Set(a => a.Text = text);

    public ArticleBuilder WithUrl(string url) => Set(a => a.Url = url);

    public ArticleBuilder FromSite(string? site) => Set(a => a.SiteName = site);

    public ArticleBuilder FromSource(Source source) => Set(a => a.Source = source);

    public ArticleBuilder PublishedOn(int year, int month, int day) => Set(a =>
    {
        a.PublishedAt = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc);
        a.PublishedPrecision = DatePrecision.Day;
    });

    public ArticleBuilder PublishedAt(DateTime at, int? utcOffsetMinutes, DatePrecision precision) => Set(a =>
    {
        a.PublishedAt = at;
        a.PublishedUtcOffsetMinutes = utcOffsetMinutes;
        a.PublishedPrecision = precision;
    });

    public ArticleBuilder InCollection(Collection collection) =>
        Set(a => a.Collections.Add(new CollectionArticle { Collection = collection, AddedAt = a.FetchedAt }));

    public ArticleBuilder With(Action<Article> change) => Set(change);

    public Article Build() => _article;

    public static implicit operator Article(ArticleBuilder builder) => builder.Build();

    private ArticleBuilder Set(Action<Article> change)
    {
        change(_article);
        return this;
    }
}
