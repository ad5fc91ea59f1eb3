using System.Security.Cryptography;
using System.Text;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Tests.Domain;

public class TextDigestTests
{
    /// <summary>
    /// Stored versions carry this digest and the integrity box recomputes it, so hashing a chunk at a time must give
    /// SHA-256 of the whole text as UTF-8, also where a chunk's cut falls inside a surrogate pair or on a lone one.
    /// </summary>
    [Fact]
    public void The_digest_is_sha256_of_the_whole_text_as_utf8()
    {
        string[] texts =
        [
            "", "one", "Caf\u00E9 \uD83D\uDE00 كَتَبَ", new string('a', 1023) + "\uD83D\uDE00" + new string('b', 5000),
            new string('a', 1023) + "\uD83D" + "b", new string('a', 1024) + "\uDE00", "\uD83D", ContentHashTests.LongText(100_000),
        ];

        foreach (var text in texts)
        {
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), TextDigest.Of(text));
        }
    }
}
