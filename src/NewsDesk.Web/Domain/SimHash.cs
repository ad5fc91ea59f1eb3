using System.Numerics;
using System.Text;

namespace NewsDesk.Web.Domain;

/// <summary>
/// 64-bit SimHash (Charikar) of a text's three-word shingles: near-identical texts (a wire story with another
/// headline or sign-off) get fingerprints a few bits apart, unrelated texts about 32 bits apart.
/// </summary>
public static class SimHash
{
    /// <summary>
    /// At most this many differing bits counts as the same story. Manku et al. (WWW 2007) use 3 for whole web pages;
    /// a news body has only a few hundred shingles, and a changed byline or sign-off moves 3 to 8 bits of it, while
    /// unrelated stories measured on the test corpus lie 20 or more bits apart.
    /// </summary>
    public const int DefaultMaxDistance = 8;

    /// <summary>Texts shorter than this many words give unstable fingerprints and are not compared.</summary>
    public const int MinimumWords = 40;

    private const int ShingleSize = 3;

    /// <summary>The fingerprint, or null when the text is too short to compare.</summary>
    public static long? Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Words(text);
        if (words.Count < MinimumWords)
        {
            return null;
        }

        Span<int> votes = stackalloc int[64];
        for (var i = 0; i + ShingleSize <= words.Count; i++)
        {
            var hash = Fnv1a(words, i);
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

    public static int Distance(long a, long b) => BitOperations.PopCount(unchecked((ulong)(a ^ b)));

    // Letters and digits only, lower case: punctuation and case differences between copies do not count.
    private static List<string> Words(string text)
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

        return words;
    }

    private static ulong Fnv1a(List<string> words, int start)
    {
        var hash = 14695981039346656037UL;
        for (var w = start; w < start + ShingleSize; w++)
        {
            foreach (var c in words[w])
            {
                hash = unchecked((hash ^ c) * 1099511628211UL);
            }

            hash = unchecked((hash ^ ' ') * 1099511628211UL);
        }

        // FNV's low bits mix poorly for short inputs; a final avalanche (from MurmurHash3) spreads every bit.
        hash ^= hash >> 33;
        hash = unchecked(hash * 0xff51afd7ed558ccdUL);
        hash ^= hash >> 33;
        hash = unchecked(hash * 0xc4ceb9fe1a85ec53UL);
        hash ^= hash >> 33;
        return hash;
    }
}
