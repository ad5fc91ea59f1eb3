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
        // The words are read one at a time into a window of the last three, each followed by a space: a shingle is
        // then the whole window, hashed and voted on as the next word comes in. No string per word, no list of them,
        // and no buffer the size of the text (a large page's, pooled, stayed in the shared pool for good: issue 20's
        // finding 8); the window grows only for a word longer than it.
        var normalized = text.Normalize(NormalizationForm.FormKC);
        Span<Vector256<uint>> counters = stackalloc Vector256<uint>[8];
        Span<int> ones = stackalloc int[64];
        counters.Clear();
        ones.Clear();
        var votes = new Votes(counters, ones);
        var rented = ArrayPool<char>.Shared.Rent(WindowChars);
        var window = rented;
        Span<int> ends = stackalloc int[ShingleSize];
        var (length, inWindow, words, shingles, inWord) = (0, 0, 0, 0, false);
        try
        {
            for (var i = 0; i <= normalized.Length; i++)
            {
                // Letters and digits only, lower case: punctuation and case differences between copies do not count.
                var letter = i < normalized.Length && char.IsLetterOrDigit(normalized[i]);
                if (letter)
                {
                    if (length + 2 > window.Length)
                    {
                        window = Grown(window, length);
                    }

                    window[length++] = char.ToLowerInvariant(normalized[i]);
                    inWord = true;
                    continue;
                }

                if (!inWord)
                {
                    continue;
                }

                inWord = false;
                window[length++] = ' ';
                ends[inWindow++] = length;
                words++;
                if (inWindow == ShingleSize)
                {
                    votes.Add(Fnv1a(window.AsSpan(0, length)));
                    shingles++;
                    // The first word leaves the window.
                    var first = ends[0];
                    window.AsSpan(first, length - first).CopyTo(window);
                    length -= first;
                    ends[0] = ends[1] - first;
                    ends[1] = ends[2] - first;
                    inWindow--;
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return words < MinimumWords ? null : unchecked((long)votes.Result(shingles));
    }

    public static int Distance(long a, long b) => BitOperations.PopCount(unchecked((ulong)(a ^ b)));

    // Three words of news text fit many times over; the pool keeps only arrays this small.
    private const int WindowChars = 256;

    // A word longer than the window (a page of one "word"): an array of its own, not pooled, for this text only.
    private static char[] Grown(char[] window, int length)
    {
        var grown = new char[Math.Max(window.Length * 2, length + 2)];
        window.AsSpan(0, length).CopyTo(grown);
        return grown;
    }

    /// <summary>Charikar's vote: each bit set when most shingle hashes have it set (counted as ones per bit).</summary>
    private ref struct Votes(Span<Vector256<uint>> counters, Span<int> ones)
    {
        // Eight lanes per byte of the hash: lane j of counter k counts bit 8k + j.
        private static readonly Vector256<uint> Lanes = Vector256.Create(1u, 2, 4, 8, 16, 32, 64, 128);
        private readonly Span<Vector256<uint>> _counters = counters;
        private readonly Span<int> _ones = ones;
        public readonly void Add(ulong hash)
        {
            if (Vector256.IsHardwareAccelerated)
            {
                for (var k = 0; k < 8; k++)
                {
                    // Equals gives all ones (-1) in each lane whose bit is set: subtracting it counts the bit.
                    _counters[k] -= Vector256.Equals(Vector256.Create((uint)(hash >> (8 * k))) & Lanes, Lanes);
                }

                return;
            }

            for (var bit = 0; bit < 64; bit++)
            {
                _ones[bit] += (int)((hash >> bit) & 1);
            }
        }

        public readonly ulong Result(int shingles)
        {
            ulong result = 0;
            for (var bit = 0; bit < 64; bit++)
            {
                var ones = Vector256.IsHardwareAccelerated ? (int)_counters[bit / 8][bit % 8] : _ones[bit];
                // More ones than zeros: the vote (+1 per one, -1 per zero) is positive.
                if (2 * ones > shingles)
                {
                    result |= 1UL << bit;
                }
            }

            return result;
        }
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
