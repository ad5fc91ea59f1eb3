using System.Security.Cryptography;
using System.Text;

namespace NewsDesk.Web.Domain;

/// <summary>
/// SHA-256 of characters as UTF-8, fed a little at a time: the same digest as hashing
/// <c>Encoding.UTF8.GetBytes</c> of all of them, without a buffer the size of the text. A page-sized buffer
/// (a 5 MB article's text is 10 MB of characters) lands on the large-object heap, freed only at a gen-2 collection,
/// and a pooled one stays in <see cref="System.Buffers.ArrayPool{T}.Shared"/> for good: issue 20's finding 8 found
/// 48 MB of such pooled arrays alive at the scrape's peak after two large pages.
/// </summary>
internal sealed class Utf8Sha256 : IDisposable
{
    private const int ChunkChars = 1024;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    // Stateful: a surrogate pair split between two chunks is encoded whole, a lone one as U+FFFD, as GetBytes does.
    private readonly Encoder _encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();
    private readonly char[] _chars = new char[ChunkChars];
    private readonly byte[] _bytes = new byte[Encoding.UTF8.GetMaxByteCount(ChunkChars)];
    private int _count;

    /// <summary>The hex digest (lower case) of <paramref name="text"/> as UTF-8.</summary>
    public static string Of(ReadOnlySpan<char> text)
    {
        using var digest = new Utf8Sha256();
        digest.Append(text);
        return digest.Finish();
    }

    public void Append(char c)
    {
        _chars[_count++] = c;
        if (_count == ChunkChars)
        {
            Flush(final: false);
        }
    }

    public void Append(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var take = Math.Min(text.Length, ChunkChars - _count);
            text[..take].CopyTo(_chars.AsSpan(_count));
            _count += take;
            text = text[take..];
            if (_count == ChunkChars)
            {
                Flush(final: false);
            }
        }
    }

    /// <summary>The hex digest (lower case) of everything appended.</summary>
    public string Finish()
    {
        Flush(final: true);
        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    public void Dispose() => _hash.Dispose();

    private void Flush(bool final)
    {
        var written = _encoder.GetBytes(_chars.AsSpan(0, _count), _bytes, flush: final);
        _hash.AppendData(_bytes, 0, written);
        _count = 0;
    }
}
