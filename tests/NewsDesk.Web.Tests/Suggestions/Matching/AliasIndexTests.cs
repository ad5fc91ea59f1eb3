using NewsDesk.Web.Suggestions.Matching;

namespace NewsDesk.Web.Tests.Suggestions.Matching;

/// <summary>Names found on word boundaries, longest first, ambiguity kept, short and common names held back, changes applied incrementally.</summary>
public class AliasIndexTests
{
    private static readonly AliasEntry[] _names =
    [
        new(1, "Kataib Hezbollah", "Kataib Hezbollah"),
        new(1, "Kataib Hezbollah", "كتائب حزب الله"),
        new(2, "Hezbollah", "Hezbollah"),
        new(2, "Hezbollah", "حزب الله"),
        new(3, "Iran", "Iran"),
        new(4, "IRNA", "IRNA"),
        new(5, "Hamas", "Hamas"),
        new(5, "Hamas", "حماس"),
    ];

    private static List<(string Quote, string Actor)> Found(AliasIndex index, string text) =>
        [.. index.Find(text).Matches.Select(m => (m.Quote, string.Join("|", m.Candidates.Select(c => c.ActorName))))];

    [Fact]
    public void Names_are_found_only_as_whole_words()
    {
        var index = AliasIndex.Build(_names);

        Assert.Equal([("Iran", "Iran"), ("Iran", "Iran")], Found(index, "Iranian media said Iran's allies and Iran, not Irangate."));
    }

    [Fact]
    public void The_longest_name_wins_so_Hezbollah_inside_Kataib_Hezbollah_is_not_offered()
    {
        var index = AliasIndex.Build(_names);

        Assert.Equal([("Kataib Hezbollah", "Kataib Hezbollah"), ("Hezbollah", "Hezbollah")],
            Found(index, "Kataib Hezbollah is not Lebanon's Hezbollah."));
        Assert.Equal([("كتائب حزب الله", "Kataib Hezbollah")], Found(index, "أعلنت كتائب حزب الله"));
    }

    [Fact]
    public void Folding_finds_names_in_any_case_with_accents_and_Arabic_marks()
    {
        var index = AliasIndex.Build(_names);

        Assert.Equal([("HÉZBOLLAH", "Hezbollah"), ("حَمَاسُ", "Hamas")], Found(index, "HÉZBOLLAH and حَمَاسُ"));
    }

    [Fact]
    public void An_Arabic_name_after_the_proclitic_waw_or_bi_is_found_without_it()
    {
        var index = AliasIndex.Build(_names);

        var matches = index.Find("التقى وفد وحماس ثم بحزب الله").Matches;

        Assert.Equal(["حماس", "حزب الله"], matches.Select(m => m.Quote));
    }

    [Fact]
    public void A_name_two_actors_share_is_one_match_with_both_candidates()
    {
        var index = AliasIndex.Build([.. _names, new(6, "Hamas (Algeria)", "Hamas")]);

        var match = Assert.Single(index.Find("Hamas said").Matches);

        Assert.True(match.IsAmbiguous);
        Assert.Equal([5, 6], match.Candidates.Select(c => c.ActorId).Order());
    }

    [Fact]
    public void Short_capital_names_match_only_in_capitals()
    {
        var index = AliasIndex.Build(_names);

        Assert.Equal([("IRNA", "IRNA")], Found(index, "IRNA reported; Irna Smith did not."));
    }

    [Fact]
    public void One_letter_and_common_word_names_are_not_offered_unless_marked_exact()
    {
        var index = AliasIndex.Build([new(7, "United States", "US"), new(8, "Islamic State", "IS"), new(9, "X Corp", "X")]);
        Assert.Empty(index.Find("The US said it is X.").Matches);
        Assert.Equal(3, index.WeakAliasCount);

        var exact = AliasIndex.Build([new(7, "United States", "US", CaseSensitive: true)]);
        Assert.Equal(["US"], exact.Find("The US told us.").Matches.Select(m => m.Quote));
    }

    [Fact]
    public void A_change_to_one_actor_goes_into_the_small_automaton_and_is_found_at_once()
    {
        var index = AliasIndex.Build(_names);

        var changed = index.WithActors(new Dictionary<int, IReadOnlyList<AliasEntry>>
        {
            [3] = [new(3, "Iran", "Iran"), new(3, "Iran", "Islamic Republic of Iran")],
            [5] = [],
        });

        Assert.Equal(2, changed.ChangedActorCount);
        Assert.Equal([("Islamic Republic of Iran", "Iran")], Found(changed, "Islamic Republic of Iran and Hamas"));
        Assert.Equal([("Iran", "Iran"), ("Hamas", "Hamas")], Found(index, "Islamic Republic of Iran and Hamas"));
    }

    [Fact]
    public void Many_changes_fold_into_one_automaton_again()
    {
        var index = AliasIndex.Build(_names);
        var many = Enumerable.Range(100, AliasIndex.MaxChangedActors + 1)
            .ToDictionary(id => id, id => (IReadOnlyList<AliasEntry>)[new AliasEntry(id, $"Actor {id}", $"Brigade {id}")]);

        var rebuilt = index.WithActors(many);

        Assert.Equal(0, rebuilt.ChangedActorCount);
        Assert.Equal(["Brigade 150", "Hamas"], rebuilt.Find("Brigade 150 and Hamas").Matches.Select(m => m.Quote));
    }

    [Fact]
    public void An_actor_with_ten_thousand_aliases_still_works()
    {
        var aliases = Enumerable.Range(0, 10_000).Select(i => new AliasEntry(1, "Front", $"Front {i:D5}")).ToList();

        var index = AliasIndex.Build(aliases);

        Assert.Equal(["Front 04242", "Front 09999"], index.Find("Front 04242 met Front 09999.").Matches.Select(m => m.Quote));
    }

    [Fact]
    public void A_hostile_text_of_100000_names_is_capped_and_says_so()
    {
        var index = AliasIndex.Build(_names);
        var text = string.Concat(Enumerable.Repeat("Hamas ", 100_000));

        var result = index.Find(text, cap: 2_000);

        Assert.Equal(2_000, result.Matches.Count);
        Assert.Equal(100_000, result.Total);
        Assert.True(result.Capped);
    }

    [Fact]
    public void The_ICARO_article_offers_every_actor_mention_of_the_demo_annotation()
    {
        var index = AliasIndex.Build(SeedKnowledgeBase.Actors());
        var text = SeedKnowledgeBase.IcaroText();

        var found = index.Find(text).Matches;

        foreach (var (start, end, actor) in SeedKnowledgeBase.DemoActorMentions())
        {
            Assert.Contains(found, m => m.Start < end && m.End > start && m.Candidates.Any(c => c.ActorName == actor));
        }

        Assert.DoesNotContain(found, m => m.Quote == "Hezbollah" && text[..m.End].EndsWith("Kataib Hezbollah", StringComparison.Ordinal));
    }
}
