using NewsDesk.Web.Suggestions.Matching;

namespace NewsDesk.Web.Tests.Suggestions.Matching;

/// <summary>The automaton reports every occurrence of every key, overlapping and nested ones too.</summary>
public class AhoCorasickTests
{
    [Fact]
    public void Reports_every_overlapping_and_nested_key_with_its_end()
    {
        var automaton = AhoCorasick.Build(["he", "she", "his", "hers"]);
        var found = new List<(int Key, int End)>();

        automaton.Match("ushers", (key, end) =>
        {
            found.Add((key, end));
            return true;
        });

        Assert.Equal([(1, 4), (0, 4), (3, 6)], found);
    }

    [Fact]
    public void A_text_without_keys_reports_nothing_and_a_handler_can_stop_the_scan()
    {
        var automaton = AhoCorasick.Build(["abc"]);
        var count = 0;
        automaton.Match("xxabxabcabcabc", (_, _) => ++count < 2);

        Assert.Equal(2, count);
        automaton.Match("ab ab", (_, _) => throw new InvalidOperationException("no key is there"));
    }

    [Fact]
    public void Two_equal_keys_are_refused()
    {
        Assert.Throws<ArgumentException>(() => AhoCorasick.Build(["iran", "iran"]));
    }
}
