using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;

namespace NewsDesk.Web.Tests.Infrastructure;

/// <summary>
/// What a browser gets for a static file, checked header by header and byte by byte against the file in wwwroot.
/// Shared by the in-process tests and the checks against a clean clone's <c>dotnet run</c> and publish folder.
/// </summary>
public static class StaticAssetResponses
{
    /// <summary>What Chromium sends on every request.</summary>
    public const string BrowserAcceptEncoding = "gzip, deflate, br, zstd";

    /// <summary>One file of each type the pages load, with the type it must be served as.</summary>
    public static readonly IReadOnlyList<(string Path, string ContentType)> OneOfEachType =
    [
        ("/css/site.css", "text/css"),
        ("/lib/bootstrap/dist/css/bootstrap.min.css", "text/css"),
        ("/js/annotate/main.js", "text/javascript"),
        ("/lib/bootstrap/dist/js/bootstrap.bundle.min.js", "text/javascript"),
        ("/favicon.ico", "image/x-icon"),
    ];

    /// <summary>The encoded answer to a browser-like request, decoded; fails with what was wrong.</summary>
    public static async Task<(HttpResponseMessage Response, byte[] Decoded)> GetAsBrowserAsync(HttpClient client, string path, string acceptEncoding = BrowserAcceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        return (response, Decode(body, response.Content.Headers.ContentEncoding));
    }

    /// <summary>
    /// Asserts the answer a browser gets is the file: status, type, a compressed variant with its encoding named,
    /// <c>Vary: Accept-Encoding</c>, an ETag, a length that matches the bytes sent, and the decoded bytes equal.
    /// Returns the content encoding used.
    /// </summary>
    public static async Task<string> AssertServedAsFileAsync(HttpClient client, string path, string contentType, string wwwroot, string acceptEncoding = BrowserAcceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        var expected = await File.ReadAllBytesAsync(Path.Combine(wwwroot, path.TrimStart('/')));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(body);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.NotNull(response.Headers.ETag);
        var encoding = Assert.Single(response.Content.Headers.ContentEncoding);
        Assert.Contains(encoding, acceptEncoding.Split(',', StringSplitOptions.TrimEntries));
        Assert.True(expected.AsSpan().SequenceEqual(Decode(body, [encoding])), $"{path} ({encoding}) decoded differs from wwwroot{path}");
        return encoding;
    }

    private static byte[] Decode(byte[] body, ICollection<string> encodings)
    {
        if (encodings.Count == 0)
        {
            return body;
        }

        using var input = new MemoryStream(body);
        using Stream decoder = encodings.Single() switch
        {
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            var other => throw new InvalidOperationException($"Unexpected Content-Encoding '{other}'."),
        };
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>Whether the response may be cached for a year without asking again (fingerprinted URLs).</summary>
    public static bool IsImmutable(HttpResponseMessage response) =>
        response.Headers.CacheControl is CacheControlHeaderValue { MaxAge: { } maxAge } cache
        && maxAge >= TimeSpan.FromDays(365)
        && cache.Extensions.Any(e => e.Name == "immutable");
}
