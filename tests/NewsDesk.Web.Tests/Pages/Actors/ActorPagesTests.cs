using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Pages.Actors;

public class ActorPagesTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    private readonly HttpClient _client = factory.CreateClient(new() { AllowAutoRedirect = false });

    private Task<Actor> SeededAsync(string name) => factory.ExecuteDbContextAsync(db => db.Actors.AsNoTracking().SingleAsync(a => a.Name == name));

    [Fact]
    public async Task An_actors_incidents_show_their_dates_only_as_precisely_as_they_are_known()
    {
        var kh = await SeededAsync("Kataib Hezbollah");

        var page = await _client.GetDocumentAsync($"/actors/{kh.Id}");

        var line = page.QuerySelectorAll(".actor-incidents li").Single(li => li.TextContent.Contains("Tower 22", StringComparison.Ordinal));
        Assert.Equal("January 2024", line.QuerySelector("time")!.TextContent);
    }

    [Fact]
    public async Task The_actor_form_labels_kinds_as_readers_write_them()
    {
        var page = await _client.GetDocumentAsync("/actors/new");

        var kinds = page.QuerySelectorAll("select[name='Form.Kind'] option").Select(o => o.TextContent).ToList();
        Assert.Contains("armed group", kinds);
        Assert.DoesNotContain("ArmedGroup", kinds);
    }

    [Fact]
    public async Task The_list_finds_an_actor_by_alias()
    {
        var page = await _client.GetDocumentAsync("/actors?q=Ansar%20Allah");

        var names = page.QuerySelectorAll(".record-list tbody td:first-child a").Select(a => a.TextContent).ToList();
        Assert.Equal(["Houthis"], names);
    }

    [Fact]
    public async Task The_detail_page_shows_aliases_mentions_in_context_incidents_and_claims()
    {
        var irna = await SeededAsync("IRNA");
        var kh = await SeededAsync("Kataib Hezbollah");

        var khPage = await _client.GetDocumentAsync($"/actors/{kh.Id}");
        var irnaPage = await _client.GetDocumentAsync($"/actors/{irna.Id}");

        Assert.Contains("Kata'ib Hizballah", khPage.QuerySelectorAll(".alias").Select(a => a.TextContent));
        var line = khPage.QuerySelector(".kwic-line")!;
        Assert.Equal("Kataib Hezbollah", line.QuerySelector("mark")!.TextContent);
        Assert.Contains("in January, the Iranian-backed", line.TextContent, StringComparison.Ordinal);
        Assert.Contains("Tower 22", khPage.QuerySelector(".actor-incidents")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("IRNA: resistance groups targeted", irnaPage.QuerySelector(".actor-claims")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_alias_marked_exact_is_suggested_in_its_case_only_and_common_words_not_at_all_unless_marked()
    {
        var actor = await factory.AddActorAsync("Varonian Exact Union");
        var article = await factory.AddArticleAsync("The US convoy left in a hurry, and us with it.");
        async Task<string[]> QuotesAsync() =>
            [.. (await _client.GetFromJsonAsync<JsonElement>($"/api/articles/{article.Id}/suggestions")).EnumerateArray()
                .Where(s => s.GetProperty("entityType").GetString() == "actor").Select(s => s.GetProperty("quote").GetString()!)];

        await _client.SubmitFormAsync($"/actors/{actor.Id}/edit", new Dictionary<string, string> { ["Form.Aliases"] = "US\nin", ["Form.ExactAliases"] = "" });
        Assert.Empty(await QuotesAsync()); // "US" and "in" are common words: left out

        var response = await _client.SubmitFormAsync($"/actors/{actor.Id}/edit", new Dictionary<string, string> { ["Form.Aliases"] = "in", ["Form.ExactAliases"] = "US" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["US"], await QuotesAsync()); // not "us", not "in"
        var aliases = await factory.ExecuteDbContextAsync(db => db.ActorAliases.AsNoTracking().Where(a => a.ActorId == actor.Id).ToListAsync());
        Assert.Equal([("in", false), ("US", true)], aliases.Select(a => (a.Name, a.CaseSensitive)).OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase));
        var form = await _client.GetDocumentAsync($"/actors/{actor.Id}/edit");
        Assert.Equal("US", form.QuerySelector("textarea[name='Form.ExactAliases']")!.TextContent.Trim());
        Assert.Equal("in", form.QuerySelector("textarea[name='Form.Aliases']")!.TextContent.Trim());
        Assert.Contains("US · exact", (await _client.GetDocumentAsync($"/actors/{actor.Id}")).QuerySelector(".aliases")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_saves_and_moves_the_version_on()
    {
        var actor = await factory.AddActorAsync("Edit me");

        var response = await _client.SubmitFormAsync($"/actors/{actor.Id}/edit", new Dictionary<string, string>
        {
            ["Form.Name"] = "Edited",
            ["Form.Aliases"] = "First alias\nSecond alias",
            ["Form.Kind"] = nameof(ActorKind.Person),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await factory.ExecuteDbContextAsync(db => db.Actors.Include(a => a.Aliases).SingleAsync(a => a.Id == actor.Id));
        Assert.Equal(("Edited", ActorKind.Person, 2), (saved.Name, saved.Kind, saved.Version));
        Assert.Equal(2, saved.Aliases.Count);
    }

    [Fact]
    public async Task The_form_sets_an_actor_s_ACLED_type_and_actors_csv_gives_its_inter_code()
    {
        var actor = await factory.AddActorAsync($"Tribal militia {Guid.NewGuid():N}");

        var response = await _client.SubmitFormAsync($"/actors/{actor.Id}/edit", new Dictionary<string, string>
        {
            ["Form.Kind"] = nameof(ActorKind.ArmedGroup),
            ["Form.AcledType"] = nameof(AcledActorType.IdentityMilitia),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AcledActorType.IdentityMilitia, (await factory.FindAsync<Actor>(actor.Id))!.AcledType);
        var form = await _client.GetDocumentAsync($"/actors/{actor.Id}/edit");
        Assert.Equal(nameof(AcledActorType.IdentityMilitia), form.QuerySelector("select#Form_AcledType option[selected]")!.GetAttribute("value"));
        var actors = (await factory.ExportTablesAsync(new Web.Export.ExportSelection()))["actors.csv"];
        Assert.Equal("4", actors.Row("name", actor.Name)["inter_code"]);
    }

    [Fact]
    public async Task The_form_grades_an_actor_s_reliability_as_a_source_and_the_page_shows_it()
    {
        var actor = await factory.AddActorAsync("Graded outlet");

        var response = await _client.SubmitFormAsync($"/actors/{actor.Id}/edit", new Dictionary<string, string>
        {
            ["Form.Reliability"] = nameof(SourceReliability.NotUsuallyReliable),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(SourceReliability.NotUsuallyReliable, (await factory.FindAsync<Actor>(actor.Id))!.Reliability);
        var page = await _client.GetDocumentAsync($"/actors/{actor.Id}");
        Assert.Equal("D: not usually reliable", page.QuerySelector(".actor-reliability")!.TextContent);
    }

    [Fact]
    public async Task Saving_a_form_loaded_before_someone_elses_save_shows_a_conflict_and_overwrites_nothing()
    {
        var actor = await factory.AddActorAsync("Contested");
        var staleForm = await _client.GetDocumentAsync($"/actors/{actor.Id}/edit");
        await _client.SubmitFormAsync($"/actors/{actor.Id}/edit", new Dictionary<string, string> { ["Form.Name"] = "First editor's name" });

        var response = await _client.SubmitFormAsync(staleForm, $"/actors/{actor.Id}/edit", new Dictionary<string, string> { ["Form.Name"] = "Second editor's name" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("Someone else saved this actor while you were editing", page.QuerySelector(".conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("First editor's name", (await factory.FindAsync<Actor>(actor.Id))!.Name);
    }

    [Fact]
    public async Task A_name_with_markup_is_shown_as_text_on_the_actor_page_and_in_the_article_side_panel()
    {
        const string hostile = "<script>alert(1)</script><b>Bold</b>";
        var article = await factory.AddArticleAsync("Bold claims were made.");
        var actor = await factory.AddActorAsync(hostile);
        await factory.InsertAsync(new Mention { ArticleId = article.Id, Start = 0, End = 4, Quote = "Bold", ActorId = actor.Id });

        var actorPage = await _client.GetDocumentAsync($"/actors/{actor.Id}");
        var articlePage = await _client.GetDocumentAsync($"/articles/{article.Id}");

        Assert.Equal(hostile, actorPage.QuerySelector(".record-name")!.TextContent);
        Assert.Empty(actorPage.QuerySelectorAll("main script, main b"));
        Assert.Equal(hostile, articlePage.QuerySelector(".mention-group h3 a")!.TextContent);
        Assert.Empty(articlePage.QuerySelectorAll("main script, main b"));
    }

    [Fact]
    public async Task The_merge_form_merges_the_chosen_actor_into_this_one()
    {
        var survivor = await factory.AddActorAsync("Islamic Resistance in Iraq (merge page)");
        var duplicate = await factory.AddActorAsync("Iraqi resistance (merge page)");

        var response = await _client.SubmitFormAsync($"/actors/{survivor.Id}/merge", new Dictionary<string, string> { ["MergedId"] = duplicate.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(await factory.FindAsync<Actor>(duplicate.Id));
        Assert.True(await factory.ExecuteDbContextAsync(db => db.ActorAliases.AnyAsync(a => a.ActorId == survivor.Id && a.Name == "Iraqi resistance (merge page)")));
    }

    [Fact]
    public async Task Saving_more_aliases_than_an_actor_may_have_shows_the_limit_and_saves_nothing()
    {
        var actor = await factory.AddActorAsync("Too many names");

        var response = await _client.SubmitFormAsync($"/actors/{actor.Id}/edit", new Dictionary<string, string>
        {
            ["Form.Name"] = "Too many names",
            ["Form.Aliases"] = string.Join('\n', Enumerable.Range(0, 201).Select(i => $"Alias {i}")),
            ["Form.Kind"] = nameof(ActorKind.Other),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("An actor has at most 200 aliases; this would give it 201.", page.QuerySelector("[data-valmsg-for='Form.Aliases']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.ExecuteDbContextAsync(db => db.ActorAliases.CountAsync(a => a.ActorId == actor.Id)));
    }

    [Fact]
    public async Task A_merge_that_would_give_an_actor_more_than_200_aliases_is_refused()
    {
        var survivor = await factory.AddActorAsync("Many aliases A", [.. Enumerable.Range(0, 150).Select(i => $"A alias {i}")]);
        var duplicate = await factory.AddActorAsync("Many aliases B", [.. Enumerable.Range(0, 150).Select(i => $"B alias {i}")]);

        var response = await _client.SubmitFormAsync($"/actors/{survivor.Id}/merge", new Dictionary<string, string> { ["MergedId"] = duplicate.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("at most 200 aliases", (await response.ReadDocumentAsync()).Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(await factory.FindAsync<Actor>(duplicate.Id));
        Assert.Equal(150, await factory.ExecuteDbContextAsync(db => db.ActorAliases.CountAsync(a => a.ActorId == survivor.Id)));
        // The refused choice stays chosen in the type-ahead's select, which carries no other actor.
        var select = (await response.ReadDocumentAsync()).QuerySelector("select[name=MergedId][data-picker=actor]")!;
        Assert.Equal(["", duplicate.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], select.QuerySelectorAll("option").Select(o => o.GetAttribute("value")));
    }

    [Fact]
    public async Task The_merge_page_lists_no_other_actor_the_type_ahead_searches_them()
    {
        var survivor = await factory.AddActorAsync("Merge page survivor");
        await factory.AddActorAsync("Merge page other");

        var page = await _client.GetDocumentAsync($"/actors/{survivor.Id}/merge");

        var select = page.QuerySelector("select[name=MergedId]")!;
        Assert.Equal("actor", select.GetAttribute("data-picker"));
        Assert.Equal([""], select.QuerySelectorAll("option").Select(o => o.GetAttribute("value")));
        Assert.NotNull(page.QuerySelector("script[src*='/js/forms/record-form']"));
    }

    [Fact]
    public async Task The_actor_list_searches_word_starts_of_names_and_aliases_with_accents_folded()
    {
        await factory.AddActorAsync("Listed Sûreté Brigade", "LSB");

        var byWord = await _client.GetDocumentAsync("/actors?q=surete");
        var byAlias = await _client.GetDocumentAsync("/actors?q=lsb");

        Assert.Contains("Listed Sûreté Brigade", byWord.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Listed Sûreté Brigade", byAlias.Body!.TextContent, StringComparison.Ordinal);
    }
}
