using System.Buffers;
using System.Numerics;
using System.Runtime.Intrinsics;
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
        // The words, each followed by a space, in one buffer: a shingle is then one contiguous span of it (the
        // scraper fingerprints every article, so no string per word and no list of them).
        var normalized = text.Normalize(NormalizationForm.FormKC);
        var buffer = ArrayPool<char>.Shared.Rent(normalized.Length + 1);
        var starts = ArrayPool<int>.Shared.Rent((normalized.Length / 2) + 2);
        try
        {
            var (length, words) = Words(normalized, buffer, starts);
            if (words < MinimumWords)
            {
                return null;
            }

            starts[words] = length;
            return unchecked((long)Fingerprint(buffer, starts, words - ShingleSize + 1));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
            ArrayPool<int>.Shared.Return(starts);
        }
    }

    public static int Distance(long a, long b) => BitOperations.PopCount(unchecked((ulong)(a ^ b)));

    // Letters and digits only, lower case: punctuation and case differences between copies do not count.
    private static (int Length, int Words) Words(string text, char[] buffer, int[] starts)
    {
        var (length, words, inWord) = (0, 0, false);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (!inWord)
                {
                    starts[words++] = length;
                    inWord = true;
                }

                buffer[length++] = char.ToLowerInvariant(c);
            }
            else if (inWord)
            {
                buffer[length++] = ' ';
                inWord = false;
            }
        }

        if (inWord)
        {
            buffer[length++] = ' ';
        }

        return (length, words);
    }

    /// <summary>Each bit set when most shingle hashes have it set (Charikar's vote, counted as ones per bit).</summary>
    private static ulong Fingerprint(char[] buffer, int[] starts, int shingles)
    {
        Span<int> ones = stackalloc int[64];
        if (Vector256.IsHardwareAccelerated)
        {
            // Eight lanes per byte of the hash: lane j of counter k counts bit 8k + j.
            var lanes = Vector256.Create(1u, 2, 4, 8, 16, 32, 64, 128);
            Span<Vector256<uint>> counters = stackalloc Vector256<uint>[8];
            counters.Clear();
            for (var i = 0; i < shingles; i++)
            {
                var hash = Fnv1a(buffer.AsSpan(starts[i], starts[i + ShingleSize] - starts[i]));
                for (var k = 0; k < 8; k++)
                {
                    // Equals gives all ones (-1) in each lane whose bit is set: subtracting it counts the bit.
                    counters[k] -= Vector256.Equals(Vector256.Create((uint)(hash >> (8 * k))) & lanes, lanes);
                }
            }

            for (var k = 0; k < 8; k++)
            {
                for (var j = 0; j < 8; j++)
                {
                    ones[(8 * k) + j] = (int)counters[k][j];
                }
            }
        }
        else
        {
            ones.Clear();
            for (var i = 0; i < shingles; i++)
            {
                var hash = Fnv1a(buffer.AsSpan(starts[i], starts[i + ShingleSize] - starts[i]));
                for (var bit = 0; bit < 64; bit++)
                {
                    ones[bit] += (int)((hash >> bit) & 1);
                }
            }
        }

        ulong result = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            // More ones than zeros: the vote (+1 per one, -1 per zero) is positive.
            if (2 * ones[bit] > shingles)
            {
                result |= 1UL << bit;
            }
        }

        return result;
    }

    /// <summary>FNV-1a over a shingle's characters (each word followed by a space), then an avalanche.</summary>
    private static ulong Fnv1a(ReadOnlySpan<char> shingle)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in shingle)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
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
