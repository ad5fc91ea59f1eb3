using System.Text;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Ingest;

namespace NewsDesk.Web.Tests.Domain;

public class SimHashTests
{
    [Fact]
    public void A_copy_with_another_sign_off_is_within_the_near_duplicate_distance()
    {
        var text = string.Join("\n\n", FixturePages.Story("wire"));

        var original = SimHash.Of(text)!.Value;
        var copy = SimHash.Of("By a staff reporter.\n\n" + text + "\n\nReporting by Beta Times; editing by the desk.")!.Value;

        Assert.True(SimHash.Distance(original, copy) <= SimHash.DefaultMaxDistance, $"distance {SimHash.Distance(original, copy)}");
    }

    [Fact]
    public void Different_stories_are_far_apart()
    {
        var a = SimHash.Of(string.Join("\n\n", FixturePages.Story("first story")))!.Value;
        var b = SimHash.Of(string.Join("\n\n", FixturePages.Story("second story")))!.Value;

        Assert.True(SimHash.Distance(a, b) > 10, $"distance {SimHash.Distance(a, b)}");
    }

    [Fact]
    public void Case_and_punctuation_do_not_change_the_fingerprint()
    {
        var text = string.Join(" ", FixturePages.Story("punctuation"));

        Assert.Equal(SimHash.Of(text), SimHash.Of(text.ToUpperInvariant().Replace('.', ';')));
    }

    [Fact]
    public void Short_texts_get_no_fingerprint()
    {
        Assert.Null(SimHash.Of("Too short to compare."));
    }

    /// <summary>
    /// Stored fingerprints are compared with new ones, so a faster computation must give the same bits: the first
    /// version's word list and per-bit votes, kept here as the reference, on texts of every kind of character.
    /// </summary>
    [Fact]
    public void The_fingerprint_is_the_same_as_the_word_list_computation_gave()
    {
        var random = new Random(13);
        string[] vocabulary = ["the", "minister", "said", "Ölförderung", "ﬁnance", "كَتَبَ", "ایران", "ёлка", "2024", "ISTANBUL", "naïve", "😀", "x"];
        string[] separators = [" ", ", ", ". ", "\n\n", " - ", "’", "\u00A0"];
        var texts = new List<string> { string.Join("\n\n", FixturePages.Story("wire")) };
        for (var t = 0; t < 40; t++)
        {
            var text = new StringBuilder();
            for (var w = random.Next(30, 400); w > 0; w--)
            {
                text.Append(vocabulary[random.Next(vocabulary.Length)]).Append(separators[random.Next(separators.Length)]);
            }

            texts.Add(text.ToString());
        }

        // A long text, and words longer than the window of three words the shingles are read through.
        texts.Add(ContentHashTests.LongText(100_000));
        texts.Add(string.Join(' ', Enumerable.Range(0, 60).Select(i => new string((char)('a' + (i % 26)), 40 + (i * 37 % 900)))));
        texts.Add(new string('z', 100_000) + " " + string.Join(" ", FixturePages.Story("after a long word")));

        foreach (var text in texts)
        {
            Assert.Equal(Reference(text), SimHash.Of(text));
        }
    }

    private static long? Reference(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        if (words.Count < SimHash.MinimumWords)
        {
            return null;
        }

        Span<int> votes = stackalloc int[64];
        for (var i = 0; i + 3 <= words.Count; i++)
        {
            var hash = 14695981039346656037UL;
            for (var w = i; w < i + 3; w++)
            {
                foreach (var c in words[w])
                {
                    hash = unchecked((hash ^ c) * 1099511628211UL);
                }

                hash = unchecked((hash ^ ' ') * 1099511628211UL);
            }

            hash ^= hash >> 33;
            hash = unchecked(hash * 0xff51afd7ed558ccdUL);
            hash ^= hash >> 33;
            hash = unchecked(hash * 0xc4ceb9fe1a85ec53UL);
            hash ^= hash >> 33;
            for (var bit = 0; bit < 64; bit++)
            {
                votes[bit] += ((hash >> bit) & 1) == 1 ? 1 : -1;
            }
        }

        ulong result = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            if (votes[bit] > 0)
            {
                result |= 1UL << bit;
            }
        }

        return unchecked((long)result);
    }
}
