using System.Security.Cryptography;
using System.Text;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Tests.Domain;

public class ContentHashTests
{
    [Fact]
    public void Line_breaks_and_composed_characters_do_not_change_the_hash()
    {
        Assert.Equal(ContentHash.Of("Caf\u00E9 society\n\nreturns."), ContentHash.Of("  Cafe\u0301   society returns.\t"));
        Assert.NotEqual(ContentHash.Of("Cafe society returns."), ContentHash.Of("Caf\u00E9 society returns."));
    }

    /// <summary>
    /// Stored hashes find the copies of new articles, so the one-pass computation must give what the first version
    /// gave (Split on white space, Join with one space): the reference is kept here, on every kind of white space.
    /// </summary>
    [Fact]
    public void The_hash_is_the_same_as_the_split_and_join_computation_gave()
    {
        string[] texts =
        [
            "", " ", "one", " lead and trail ", "a\u00A0b\u2003c\u3000d\u200Be", "tabs\tand\r\nlines\n\n\nhere",
            "Cafe\u0301 \uD83D\uDE00 emoji", "كَتَبَ  ایران\u2029ёлка", new string('x', 5000) + "\n" + new string(' ', 300) + "y",
            // Hashed a chunk of 1,024 characters at a time: a surrogate pair and a gap on the cut (a lone surrogate
            // never gets here: normalisation refuses it).
            new string('a', 1023) + "\uD83D\uDE00" + new string('b', 3000), new string('a', 1024) + "   " + new string('c', 2047) + " d",
            LongText(200_000),
        ];

        foreach (var text in texts)
        {
            var reference = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
                string.Join(' ', text.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))));
            Assert.Equal(reference, ContentHash.Of(text));
        }
    }

    internal static string LongText(int words)
    {
        var random = new Random(7);
        string[] vocabulary = ["minister", "said", "Ölförderung", "ایران", "😀", "x", "2024"];
        string[] separators = [" ", ",  ", ".\n\n", "\t", "\u00A0"];
        var text = new StringBuilder();
        for (var w = 0; w < words; w++)
        {
            text.Append(vocabulary[random.Next(vocabulary.Length)]).Append(separators[random.Next(separators.Length)]);
        }

        return text.ToString();
    }
}
