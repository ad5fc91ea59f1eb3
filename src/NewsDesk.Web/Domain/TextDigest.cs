using System.Security.Cryptography;
using System.Text;

namespace NewsDesk.Web.Domain;

/// <summary>The exact digest an article version and the integrity box show.</summary>
public static class TextDigest
{
    /// <summary>SHA-256 (hex, lower case) of the text as UTF-8, with no normalisation: any changed character changes it.</summary>
    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
