using System.Net.Http.Json;
using NewsDesk.Web.Auth;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Pages;

/// <summary>
/// What the pages the scale benchmark measures ask of the database (bench/README.md, Scale): a page read again while
/// the store has not changed is served from the page cache without a single query, so on PostgreSQL it costs no round
/// trip; a page nobody asked for yet reads what it shows once.
/// </summary>
public class PageQueriesTests : IClassFixture<NewsDeskFactory>
{
    private readonly NewsDeskFactory factory;

    /// <summary>
    /// A test client takes the server's PreserveExecutionContext when it is created, so it is turned on before any
    /// client is: set only inside <see cref="CommandLog.RecordAsync"/>, it came too late for the clients these tests
    /// made first, nothing was recorded, and every "sends no query" passed whatever the page sent.
    /// </summary>
    public PageQueriesTests(NewsDeskFactory factory)
    {
        this.factory = factory;
        CommandLog.Listen();
        factory.Server.PreserveExecutionContext = true;
    }

    /// <summary>
    /// An article's first view after a change (the scale bench's "article cold"): the page's row with its text, the
    /// other copies, the collections, the workflow review, the mentions panel, the versions with their captures, the
    /// re-check, the history. It sent 11 before session 12: the text and the mentions read twice (page and evidence
    /// box, panel and evidence box), the versions counted again for the panel, an EXISTS after a missing review.
    /// </summary>
    [Fact]
    public async Task An_article_first_view_reads_each_part_once()
    {
        var (article, _) = await ArticleWithMentionsAsync();
        var client = await factory.CreateClientAsync(Roles.Viewer, apiToken: false);
        await GetAsync(client, "/about");

        var commands = await CommandLog.RecordAsync(factory, () => GetAsync(client, $"/articles/{article.Id}"));

        Assert.True(commands.Count == ColdArticleQueries, $"{commands.Count} queries:\n{string.Join("\n--\n", commands)}");
        Assert.Single(commands, c => c.Contains("FROM \"Mentions\"", StringComparison.Ordinal));
    }

    private const int ColdArticleQueries = 8;

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Editor)]
    public async Task An_article_page_read_again_sends_no_query(string role)
    {
        var (article, _) = await ArticleWithMentionsAsync();
        var client = await factory.CreateClientAsync(role, apiToken: false);
        await GetAsync(client, $"/articles/{article.Id}");

        var commands = await CommandLog.RecordAsync(factory, () => GetAsync(client, $"/articles/{article.Id}"));

        Assert.Empty(commands);
    }

    [Fact]
    public async Task The_article_list_read_again_sends_no_query()
    {
        await ArticleWithMentionsAsync();
        var client = await factory.CreateClientAsync(Roles.Viewer, apiToken: false);
        await GetAsync(client, "/");

        var commands = await CommandLog.RecordAsync(factory, () => GetAsync(client, "/"));

        Assert.Empty(commands);
    }

    [Fact]
    public async Task The_trivial_page_sends_no_query()
    {
        var client = await factory.CreateClientAsync(Roles.Viewer, apiToken: false);
        await GetAsync(client, "/about");

        var commands = await CommandLog.RecordAsync(factory, () => GetAsync(client, "/about"));

        Assert.Empty(commands);
    }

    [Fact]
    public async Task A_workflow_change_shows_on_the_article_page_read_again()
    {
        var (article, _) = await ArticleWithMentionsAsync();
        var editor = await factory.CreateClientAsync(Roles.Editor);
        var before = await editor.GetDocumentAsync($"/articles/{article.Id}");
        Assert.Equal("new", before.QuerySelector(".workflow-state")!.TextContent);

        var moved = await editor.PutAsJsonAsync($"/api/articles/{article.Id}/workflow", new { state = "inProgress" });

        moved.EnsureSuccessStatusCode();
        var after = await editor.GetDocumentAsync($"/articles/{article.Id}");
        Assert.Equal("in progress", after.QuerySelector(".workflow-state")!.TextContent);
    }

    private static async Task GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
    }

    private async Task<(Article Article, Actor Actor)> ArticleWithMentionsAsync()
    {
        var article = await factory.AddArticleAsync("Kataib Hezbollah fired rockets.\n\nKataib Hezbollah denied it.");
        var actor = await factory.AddActorAsync("Kataib Hezbollah");
        await factory.InsertAsync(
            new Mention { ArticleId = article.Id, ActorId = actor.Id, Start = 0, End = 16, Quote = "Kataib Hezbollah" },
            new Mention { ArticleId = article.Id, ActorId = actor.Id, Start = 33, End = 49, Quote = "Kataib Hezbollah" });
        return (article, actor);
    }
}
