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
        var normalised = string.Join(' ', text.Normalize(NormalizationForm.FormC)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }
}
