using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Records;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Data.Records;

/// <summary>The actors' type-ahead: word starts of folded names and aliases, kept up to date as actors change.</summary>
public class ActorNameIndexTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

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

        var names = await _client.ActorNamesAsync("hezbollah");

        Assert.Equal("Hezbollah", names[0]); // the exact name
        Assert.True(Array.IndexOf(names, "Hezbollah Index Youth") < Array.IndexOf(names, "Index Hezbollah Brigades"), string.Join(", ", names));
        Assert.Contains("Kataib Hezbollah", names);
        Assert.DoesNotContain("Index Hezbollah Brigades", await _client.ActorNamesAsync("ezbollah")); // inside a word is not a word start
    }

    [Fact]
    public async Task Accents_apostrophes_and_Arabic_diacritics_in_the_query_do_not_matter()
    {
        await factory.AddActorAsync("Index Sûreté Générale", "الأمن العام");

        Assert.Contains("Index Sûreté Générale", await _client.ActorNamesAsync("surete gen"));
        Assert.Contains("Index Sûreté Générale", await _client.ActorNamesAsync("SÛRETÉ"));
        Assert.Contains("Index Sûreté Générale", await _client.ActorNamesAsync("الامن"));
        Assert.Contains("Kataib Hezbollah", await _client.ActorNamesAsync("Kata'ib"));
    }

    [Fact]
    public async Task An_actor_added_renamed_or_deleted_after_a_search_shows_so_in_the_next_search()
    {
        Assert.Empty(await _client.ActorNamesAsync("Zanzibar Index"));
        var actor = await factory.AddActorAsync("Zanzibar Index Militia");
        Assert.Equal(["Zanzibar Index Militia"], await _client.ActorNamesAsync("Zanzibar Index"));

        await factory.ExecuteDbContextAsync(async db =>
        {
            var tracked = await db.Actors.SingleAsync(a => a.Id == actor.Id);
            tracked.Name = "Pemba Index Militia";
            tracked.Aliases.Add(new ActorAlias { Name = "PIM" });
            await db.SaveChangesAsync();
        });
        Assert.Empty(await _client.ActorNamesAsync("Zanzibar Index"));
        Assert.Equal(["Pemba Index Militia"], await _client.ActorNamesAsync("pim"));

        await factory.ExecuteDbContextAsync(async db =>
        {
            db.Actors.Remove(await db.Actors.SingleAsync(a => a.Id == actor.Id));
            await db.SaveChangesAsync();
        });
        Assert.Empty(await _client.ActorNamesAsync("Pemba Index"));
    }

    [Fact]
    public async Task A_mention_saved_between_two_searches_keeps_the_index_and_its_answers_without_reading_the_actors()
    {
        var before = await _client.ActorNamesAsync("Iran");
        var (builds, patches, checks) = (Index.Builds, Index.Patches, Index.StoreChecks);
        var article = await factory.AddArticleAsync("Iran said so.");
        var iran = await factory.ExecuteDbContextAsync(db => db.Actors.SingleAsync(a => a.Name == "Iran"));
        await factory.InsertAsync(new Mention { ArticleId = article.Id, Start = 0, End = 4, Quote = "Iran", ActorId = iran.Id });

        Assert.Equal(before, await _client.ActorNamesAsync("Iran"));
        Assert.Equal("Iran", before[0]);
        Assert.Equal((builds, patches, checks), (Index.Builds, Index.Patches, Index.StoreChecks));
    }

    [Fact]
    public async Task A_renamed_actor_is_patched_into_the_index_not_rebuilt()
    {
        var actor = await factory.AddActorAsync("Zambezi Patch Front");
        Assert.Equal(["Zambezi Patch Front"], await _client.ActorNamesAsync("Zambezi Patch"));
        var (builds, patches) = (Index.Builds, Index.Patches);

        await factory.ExecuteDbContextAsync(async db =>
        {
            var tracked = await db.Actors.SingleAsync(a => a.Id == actor.Id);
            tracked.Name = "Limpopo Patch Front";
            await db.SaveChangesAsync();
        });

        Assert.Empty(await _client.ActorNamesAsync("Zambezi Patch"));
        Assert.Equal(["Limpopo Patch Front"], await _client.ActorNamesAsync("Limpopo Patch"));
        Assert.Equal((builds, patches + 1), (Index.Builds, Index.Patches));
    }

    [Fact]
    public async Task A_merge_shows_once_its_transaction_commits_the_merged_name_finding_the_survivor()
    {
        var survivor = await factory.AddActorAsync("Okavango Merge Brigade");
        var merged = await factory.AddActorAsync("Kunene Merge Battalion", "KMB");
        Assert.Equal(["Kunene Merge Battalion"], await _client.ActorNamesAsync("kmb"));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<RecordMerger>().MergeActorsAsync(survivor.Id, merged.Id, CancellationToken.None);
            Assert.True(result.Succeeded, result.Error);
        }

        Assert.Equal(["Okavango Merge Brigade"], await _client.ActorNamesAsync("kmb"));
        Assert.Equal(["Okavango Merge Brigade"], await _client.ActorNamesAsync("Kunene Merge"));
    }

    private ActorNameIndex Index => factory.Services.GetRequiredService<ActorNameIndex>();
}
