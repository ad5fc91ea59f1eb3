using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace NewsDesk.Web.Domain;

/// <summary>The exact-duplicate fingerprint of an article's text.</summary>
public static class ContentHash
{
    /// <summary>
    /// SHA-256 (hex, lower case) of the text with whitespace runs collapsed and Unicode normalised (NFC),
    /// so the same story re-fetched with different line breaks or composed characters hashes the same.
    /// </summary>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // One pass into a pooled buffer instead of Split + Join (a string per word, an array, the joined copy):
        // words as string.Split(null) finds them (char.IsWhiteSpace), one space between two.
        var normalised = text.Normalize(NormalizationForm.FormC);
        var chars = ArrayPool<char>.Shared.Rent(normalised.Length);
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(normalised.Length));
        try
        {
            var length = 0;
            var gap = false;
            foreach (var c in normalised)
            {
                if (char.IsWhiteSpace(c))
                {
                    gap = length > 0;
                    continue;
                }

                if (gap)
                {
                    chars[length++] = ' ';
                    gap = false;
                }

                chars[length++] = c;
            }

            var byteCount = Encoding.UTF8.GetBytes(chars.AsSpan(0, length), bytes);
            return Convert.ToHexStringLower(SHA256.HashData(bytes.AsSpan(0, byteCount)));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
