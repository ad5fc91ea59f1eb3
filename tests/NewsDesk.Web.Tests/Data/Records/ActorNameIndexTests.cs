using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data.Records;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Data.Records;

/// <summary>The actors' type-ahead: word starts of folded names and aliases, kept up to date as actors change.</summary>
public class ActorNameIndexTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<string[]> NamesAsync(string query) =>
        [.. (await _client.GetFromJsonAsync<JsonElement>($"/api/actors?limit=50&q={Uri.EscapeDataString(query)}")).EnumerateArray().Select(a => a.GetProperty("name").GetString()!)];

    [Theory]
    [InlineData("Kata'ib  Hizballah", "kataib hizballah")]
    [InlineData("Hézbollah", "hezbollah")]
    [InlineData("al-Nujaba (HHN)", "al nujaba hhn")]
    [InlineData("حِزْبُ اللّٰه", "حزب الله")]
    [InlineData("  ", "")]
    public void Names_fold_case_accents_diacritics_apostrophes_and_punctuation(string name, string folded) =>
        Assert.Equal(folded, ActorNameIndex.Fold(name));

    [Fact]
    public async Task A_query_matches_the_start_of_any_word_of_a_name_or_alias_exact_and_leading_matches_first()
    {
        await factory.AddActorAsync("Index Hezbollah Brigades");
        await factory.AddActorAsync("Hezbollah Index Youth");

        var names = await NamesAsync("hezbollah");

        Assert.Equal("Hezbollah", names[0]); // the exact name
        Assert.True(Array.IndexOf(names, "Hezbollah Index Youth") < Array.IndexOf(names, "Index Hezbollah Brigades"), string.Join(", ", names));
        Assert.Contains("Kataib Hezbollah", names);
        Assert.DoesNotContain("Index Hezbollah Brigades", await NamesAsync("ezbollah")); // inside a word is not a word start
    }

    [Fact]
    public async Task Accents_apostrophes_and_Arabic_diacritics_in_the_query_do_not_matter()
    {
        await factory.AddActorAsync("Index Sûreté Générale", "الأمن العام");

        Assert.Contains("Index Sûreté Générale", await NamesAsync("surete gen"));
        Assert.Contains("Index Sûreté Générale", await NamesAsync("SÛRETÉ"));
        Assert.Contains("Index Sûreté Générale", await NamesAsync("الامن"));
        Assert.Contains("Kataib Hezbollah", await NamesAsync("Kata'ib"));
    }

    [Fact]
    public async Task An_actor_added_renamed_or_deleted_after_a_search_shows_so_in_the_next_search()
    {
        Assert.Empty(await NamesAsync("Zanzibar Index"));
        var actor = await factory.AddActorAsync("Zanzibar Index Militia");
        Assert.Equal(["Zanzibar Index Militia"], await NamesAsync("Zanzibar Index"));

        await factory.ExecuteDbContextAsync(async db =>
        {
            var tracked = await db.Actors.SingleAsync(a => a.Id == actor.Id);
            tracked.Name = "Pemba Index Militia";
            tracked.Aliases.Add(new ActorAlias { Name = "PIM" });
            await db.SaveChangesAsync();
        });
        Assert.Empty(await NamesAsync("Zanzibar Index"));
        Assert.Equal(["Pemba Index Militia"], await NamesAsync("pim"));

        await factory.ExecuteDbContextAsync(async db =>
        {
            db.Actors.Remove(await db.Actors.SingleAsync(a => a.Id == actor.Id));
            await db.SaveChangesAsync();
        });
        Assert.Empty(await NamesAsync("Pemba Index"));
    }

    [Fact]
    public async Task A_mention_saved_between_two_searches_keeps_the_index_and_its_answers()
    {
        var before = await NamesAsync("Iran");
        var article = await factory.AddArticleAsync("Iran said so.");
        var iran = await factory.ExecuteDbContextAsync(db => db.Actors.SingleAsync(a => a.Name == "Iran"));
        await factory.InsertAsync(new Mention { ArticleId = article.Id, Start = 0, End = 4, Quote = "Iran", ActorId = iran.Id });

        Assert.Equal(before, await NamesAsync("Iran"));
        Assert.Equal("Iran", before[0]);
    }
}
