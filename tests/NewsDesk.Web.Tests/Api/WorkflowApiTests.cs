using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsDesk.Web.Auth;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Api;

/// <summary>The document workflow through the API: states, who set them, assignees, queues and who may review.</summary>
public class WorkflowApiTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    private static Task<HttpResponseMessage> SetAsync(HttpClient client, int articleId, object body) =>
        client.PutAsJsonAsync($"/api/articles/{articleId}/workflow", body);

    [Fact]
    public async Task An_article_is_new_until_someone_moves_it_and_each_state_says_who_set_it()
    {
        var article = await factory.AddArticleAsync("Workflow states.");
        var editor = await factory.CreateClientAsync(Roles.Editor);

        var before = await editor.GetFromJsonAsync<JsonElement>($"/api/articles/{article.Id}/workflow");
        var response = await SetAsync(editor, article.Id, new { state = "in progress" });

        Assert.Equal("new", before.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("inProgress", NewsDeskFactory.EmailOf(Roles.Editor)), (after.GetProperty("state").GetString(), after.GetProperty("stateSetBy").GetString()));
        Assert.NotEqual(JsonValueKind.Null, after.GetProperty("stateSetAt").ValueKind);
    }

    [Fact]
    public async Task The_annotator_cannot_review_their_own_article_but_another_editor_can_and_mentions_csv_says_so()
    {
        var article = await factory.AddArticleAsync("Reviewed by someone else.");
        var actor = await factory.AddActorAsync("Workflow actor");
        await factory.InsertAsync(new Mention { ArticleId = article.Id, Start = 0, End = 8, Quote = "Reviewed", ActorId = actor.Id });
        var annotator = await factory.CreateClientAsync(Roles.Editor);
        var reviewer = factory.CreateClient(); // the admin, another person with an editor's rights

        Assert.Equal(HttpStatusCode.OK, (await SetAsync(annotator, article.Id, new { state = "annotated" })).StatusCode);
        var own = await SetAsync(annotator, article.Id, new { state = "reviewed" });
        var other = await SetAsync(reviewer, article.Id, new { state = "reviewed" });

        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Contains("another editor reviews it", (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        var review = await other.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("reviewed", NewsDeskFactory.EmailOf(Roles.Editor)), (review.GetProperty("state").GetString(), review.GetProperty("annotatedBy").GetString()));
        var csv = await reviewer.GetStringAsync($"/export?handler=File&name=mentions.csv&actor={actor.Id}");
        Assert.EndsWith(",true", csv.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].TrimEnd('\r'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_editors_moving_an_article_from_the_version_they_read_the_second_gets_409_with_the_first_ones_state_and_nothing_changes()
    {
        var article = await factory.AddArticleAsync("Two editors, one article.");
        var first = await factory.CreateClientAsync(Roles.Editor);
        var second = factory.CreateClient();
        var version = (await second.GetFromJsonAsync<JsonElement>($"/api/articles/{article.Id}/workflow")).GetProperty("version").GetInt32();

        var won = await SetAsync(first, article.Id, new { state = "irrelevant", version });
        var lost = await SetAsync(second, article.Id, new { state = "in progress", version });

        Assert.Equal(HttpStatusCode.OK, won.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
        var problem = await lost.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains($"You had version {version}; it is now at version {version + 1}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("irrelevant", problem.GetProperty("current").GetProperty("state").GetString());
        var now = await second.GetFromJsonAsync<JsonElement>($"/api/articles/{article.Id}/workflow");
        Assert.Equal(("irrelevant", version + 1, NewsDeskFactory.EmailOf(Roles.Editor)),
            (now.GetProperty("state").GetString(), now.GetProperty("version").GetInt32(), now.GetProperty("stateSetBy").GetString()));
    }

    [Fact]
    public async Task Changes_sent_at_the_same_moment_without_a_version_are_all_applied_one_after_another()
    {
        var article = await factory.AddArticleAsync("Six changes at once.");
        var client = await factory.CreateClientAsync(Roles.Editor);
        string[] states = ["in progress", "irrelevant", "in progress", "irrelevant", "in progress", "irrelevant"];

        // The first change creates the article's workflow row: sent together, they all meet there.
        var answers = await Task.WhenAll(states.Select(state => SetAsync(client, article.Id, new { state })));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        var now = await client.GetFromJsonAsync<JsonElement>($"/api/articles/{article.Id}/workflow");
        Assert.Equal(states.Length, now.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task An_article_cannot_be_reviewed_before_it_is_annotated()
    {
        var article = await factory.AddArticleAsync("Not annotated yet.");

        var response = await SetAsync(factory.CreateClient(), article.Id, new { state = "reviewed" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(ArticleState.New, (await factory.ExecuteDbContextAsync(db => Task.FromResult(db.ArticleReviews.FirstOrDefault(r => r.ArticleId == article.Id)?.State))) ?? ArticleState.New);
    }

    [Fact]
    public async Task A_viewer_cannot_change_the_state()
    {
        var article = await factory.AddArticleAsync("Viewers read.");
        var viewer = await factory.CreateClientAsync(Roles.Viewer);

        var response = await SetAsync(viewer, article.Id, new { state = "irrelevant" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(await factory.FindAsync<ArticleReview>(article.Id));
    }

    [Fact]
    public async Task An_unknown_state_or_account_is_a_400_naming_the_field()
    {
        var article = await factory.AddArticleAsync("Bad input.");
        var client = factory.CreateClient();

        var state = await SetAsync(client, article.Id, new { state = "finished" });
        var assignee = await SetAsync(client, article.Id, new { assignee = "nobody@example.test" });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (state.StatusCode, assignee.StatusCode));
        Assert.True((await state.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("state", out _));
        Assert.True((await assignee.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("assignee", out _));
    }

    [Fact]
    public async Task An_assigned_article_is_in_its_assignees_queue_and_the_list_filters_by_state()
    {
        var article = await factory.AddArticleAsync("In my queue.");
        var editor = await factory.CreateClientAsync(Roles.Editor);

        Assert.Equal(HttpStatusCode.OK, (await SetAsync(factory.CreateClient(), article.Id, new { assignee = NewsDeskFactory.EmailOf(Roles.Editor), state = "inProgress" })).StatusCode);
        var mine = await editor.GetFromJsonAsync<JsonElement>("/api/articles?assignee=me&limit=100");
        var inProgress = await editor.GetFromJsonAsync<JsonElement>("/api/articles?state=inProgress&limit=100");
        var fresh = await editor.GetFromJsonAsync<JsonElement>("/api/articles?state=new&limit=100");

        Assert.Contains(article.Id, mine.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
        Assert.Contains(article.Id, inProgress.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
        Assert.DoesNotContain(article.Id, fresh.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
        var home = await editor.GetDocumentAsync("/");
        Assert.Matches(@"My queue \(\d+\)", home.QuerySelector(".my-queue")!.TextContent);
        var next = await (await factory.CreateClientAsync(Roles.Editor, allowAutoRedirect: false)).GetAsync("/articles/queue/next");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
    }

    [Fact]
    public async Task The_menus_queue_count_is_the_number_of_articles_its_link_lists()
    {
        var editor = NewsDeskFactory.EmailOf(Roles.Editor);
        var waiting = await factory.AddArticleAsync("Waiting in the queue.");
        var started = await factory.AddArticleAsync("Started in the queue.");
        var done = await factory.AddArticleAsync("Annotated, out of the queue.");
        var dropped = await factory.AddArticleAsync("Irrelevant, out of the queue.");
        await factory.InsertAsync(
            new ArticleReview { ArticleId = waiting.Id, State = ArticleState.New, Assignee = editor },
            new ArticleReview { ArticleId = started.Id, State = ArticleState.InProgress, Assignee = editor },
            new ArticleReview { ArticleId = done.Id, State = ArticleState.Annotated, Assignee = editor, AnnotatedBy = editor },
            new ArticleReview { ArticleId = dropped.Id, State = ArticleState.Irrelevant, Assignee = editor });
        var client = await factory.CreateClientAsync(Roles.Editor);

        var home = await client.GetDocumentAsync("/");
        var link = home.QuerySelector(".my-queue")!;
        var count = int.Parse(Regex.Match(link.TextContent, @"My queue \((\d+)\)").Groups[1].Value, CultureInfo.InvariantCulture);
        var listed = (await client.GetDocumentAsync(link.GetAttribute("href")!)).QuerySelectorAll(".article-list li > a.fw-semibold").Select(a => a.TextContent.Trim()).ToList();
        var api = await client.GetFromJsonAsync<JsonElement>("/api/articles?queue=me&limit=100");
        var ids = api.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();

        Assert.Equal(count, listed.Count);
        Assert.Equal(count, ids.Count);
        Assert.Contains(waiting.Id, ids);
        Assert.Contains(started.Id, ids);
        Assert.DoesNotContain(done.Id, ids);
        Assert.DoesNotContain(dropped.Id, ids);
    }
}
