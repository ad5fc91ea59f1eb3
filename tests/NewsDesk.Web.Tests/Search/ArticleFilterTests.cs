using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Search;

/// <summary>The article list's filters, alone and combined with each other and with search, and keyset paging.</summary>
public class ArticleFilterTests(ArticleFilterTests.World world) : IClassFixture<ArticleFilterTests.World>
{
    public sealed class World : NewsDeskFactory
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private bool _built;

        public int SourceA { get; private set; }
        public int Actor { get; private set; }
        public int Incident { get; private set; }
        public int Claim { get; private set; }
        public int Collection { get; private set; }

        public async Task EnsureAsync()
        {
            await _gate.WaitAsync();
            try
            {
                if (!_built)
                {
                    await BuildAsync();
                    _built = true;
                }
            }
            finally
            {
                _gate.Release();
            }
        }

        private async Task BuildAsync()
        {
            var sourceA = new Source { Name = "Source A", Url = "https://a.example.test/feed" };
            var sourceB = new Source { Name = "Source B", Url = "https://b.example.test/feed" };
            await InsertAsync(sourceA, sourceB);
            SourceA = sourceA.Id;

            static Article Story(string slug, Source source, string site, string language, int day, string text) => new()
            {
                Url = $"https://example.test/filter/{slug}",
                Title = slug,
                Text = text,
                SourceId = source.Id,
                SiteName = site,
                Language = language,
                ContentHash = slug,
                PublishedAt = new DateTime(2032, 3, day, 12, 0, 0, DateTimeKind.Utc),
                PublishedPrecision = DatePrecision.Day,
            };

            var a1 = Story("a1", sourceA, "Alpha", "en", 1, "drone strike near the base");
            var a2 = Story("a2", sourceA, "Alpha", "ar", 5, "drone report in arabic");
            var b1 = Story("b1", sourceB, "Beta", "en", 10, "a quiet day, no drone");
            var b2 = Story("b2", sourceB, "Beta", "en", 20, "parliament session");
            await InsertAsync(a1, a2, b1, b2);

            var actor = new Actor { Name = "Filter Actor" };
            var incident = new Incident { Title = "Filter Incident" };
            var claim = new Claim { Text = "Filter Claim" };
            await InsertAsync<object>(actor, incident, claim);
            Actor = actor.Id;
            Incident = incident.Id;
            Claim = claim.Id;
            await InsertAsync(
                new Mention { ArticleId = a1.Id, Start = 0, End = 5, Quote = "drone", ActorId = actor.Id },
                new Mention { ArticleId = b1.Id, Start = 0, End = 1, Quote = "a", IncidentId = incident.Id },
                new Mention { ArticleId = b2.Id, Start = 0, End = 10, Quote = "parliament", ClaimId = claim.Id });

            var collection = new Collection { Name = "Filter collection" };
            await InsertAsync(collection);
            Collection = collection.Id;
            await InsertAsync(
                new CollectionArticle { CollectionId = collection.Id, ArticleId = a2.Id },
                new CollectionArticle { CollectionId = collection.Id, ArticleId = b2.Id });
        }
    }

    private async Task<List<string>> ListAsync(string query)
    {
        await world.EnsureAsync();
        var json = await world.CreateClient().GetFromJsonAsync<JsonElement>($"/api/articles?limit=100&{query}");
        return json.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("title").GetString()!)
            .Where(t => t is "a1" or "a2" or "b1" or "b2")
            .ToList();
    }

    [Fact]
    public async Task Each_filter_narrows_the_list()
    {
        await world.EnsureAsync();

        Assert.Equal(["a2", "a1"], await ListAsync($"source={world.SourceA}"));
        Assert.Equal(["b2", "b1"], await ListAsync("site=Beta"));
        Assert.Equal(["a2"], await ListAsync("language=ar"));
        Assert.Equal(["b1", "a2"], await ListAsync("from=2032-03-05&to=2032-03-10"));
        Assert.Equal(["b2", "b1", "a1"], await ListAsync("annotated=true"));
        Assert.Equal(["a2"], await ListAsync("annotated=false"));
        Assert.Equal(["a1"], await ListAsync($"actor={world.Actor}"));
        Assert.Equal(["b1"], await ListAsync($"incident={world.Incident}"));
        Assert.Equal(["b2"], await ListAsync($"claim={world.Claim}"));
        Assert.Equal(["b2", "a2"], await ListAsync($"collection={world.Collection}"));
    }

    [Fact]
    public async Task Filters_combine_with_each_other_and_with_search()
    {
        await world.EnsureAsync();

        Assert.Equal(["a2"], await ListAsync($"source={world.SourceA}&annotated=false"));
        Assert.Equal(["b2"], await ListAsync($"site=Beta&collection={world.Collection}"));
        Assert.Equal(["a1"], await ListAsync("q=drone&language=en&site=Alpha"));
        var drone = await ListAsync("q=drone&from=2032-03-02");
        Assert.Equal(["a2", "b1"], drone.Order().ToList());
    }

    [Fact]
    public async Task The_page_keeps_filters_in_the_url_and_shows_them_selected()
    {
        await world.EnsureAsync();

        var page = await world.CreateClient().GetDocumentAsync($"/?site=Beta&annotated=true&q=parliament");

        Assert.Equal(["b2"], page.QuerySelectorAll(".article-list li a.fw-semibold").Select(a => a.TextContent).ToList());
        Assert.Equal("Beta", page.QuerySelector("input[name=site]")!.GetAttribute("value"));
        Assert.Equal("parliament", page.QuerySelector("input[name=q]")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("select[name=annotated] option[value=true][selected]"));
    }

    [Fact]
    public async Task Paging_is_stable_when_new_articles_arrive_between_pages()
    {
        var dedicated = new NewsDeskFactory();
        await using var _ = dedicated;
        await dedicated.InsertAsync(Enumerable.Range(1, 30).Select(i => new Article
        {
            Url = $"https://example.test/stable/{i}",
            Title = $"Stable {i:00}",
            Text = "text",
            ContentHash = $"stable-{i}",
            PublishedAt = new DateTime(2033, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i),
        }).ToArray());
        var client = dedicated.CreateClient();

        var first = await client.GetFromJsonAsync<JsonElement>("/api/articles?limit=10");
        await dedicated.InsertAsync(new Article
        {
            Url = "https://example.test/stable/new",
            Title = "Stable newest",
            Text = "text",
            ContentHash = "stable-new",
            PublishedAt = new DateTime(2034, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        });
        var second = await client.GetFromJsonAsync<JsonElement>($"/api/articles?limit=10&after={first.GetProperty("next").GetString()}");

        var titles = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(i => i.GetProperty("title").GetString()).ToList();
        Assert.Equal(Enumerable.Range(11, 20).Reverse().Select(i => $"Stable {i:00}"), titles);
    }
}
