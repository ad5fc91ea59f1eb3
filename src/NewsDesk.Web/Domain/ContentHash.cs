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
        // One pass straight into the digest, a chunk at a time (Utf8Sha256): no Split + Join (a string per word, an
        // array, the joined copy) and no buffer the size of the text (a large page's stayed in the shared pool).
        // Words as string.Split(null) finds them (char.IsWhiteSpace), one space between two.
        var normalised = text.Normalize(NormalizationForm.FormC);
        using var digest = new Utf8Sha256();
        var (started, gap) = (false, false);
        foreach (var c in normalised)
        {
            if (char.IsWhiteSpace(c))
            {
                gap = started;
                continue;
            }

            if (gap)
            {
                digest.Append(' ');
                gap = false;
            }

            digest.Append(c);
            started = true;
        }

        return digest.Finish();
    }
}
