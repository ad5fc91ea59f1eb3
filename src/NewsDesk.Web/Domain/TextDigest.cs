namespace NewsDesk.Web.Domain;

/// <summary>The exact digest an article version and the integrity box show.</summary>
public static class TextDigest
{
    /// <summary>SHA-256 (hex, lower case) of the text as UTF-8, with no normalisation: any changed character changes it.</summary>
    /// <remarks>Hashed a chunk at a time (<see cref="Utf8Sha256"/>): no UTF-8 copy of a large article's text.</remarks>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Utf8Sha256.Of(text);
    }
}
