using System.Globalization;
using System.Text;
using NewsDesk.Web.Ingest.Http;

namespace NewsDesk.Web.Evidence.Warc;

/// <summary>
/// The HTTP request and response heads of an exchange as the bytes of a WARC record's block. HttpClient hands over
/// the body with chunking and compression undone, so the framing headers that describe the wire form
/// (Transfer-Encoding, Content-Encoding, Content-Length) are kept under an <c>X-Archive-Orig-</c> prefix (the
/// convention of pywb and warcio) and a Content-Length of the stored body is added: a reader then gets the body as
/// stored, and nothing that was received is dropped.
/// </summary>
public static class HttpHead
{
    public const string OriginalPrefix = "X-Archive-Orig-";
    private static readonly string[] _wireFraming = ["Transfer-Encoding", "Content-Encoding", "Content-Length"];

    /// <summary>The head's bytes (ending with the blank line) and whether headers were left out for the cap.</summary>
    public sealed record Head(byte[] Bytes, bool Truncated);

    public static Head Request(HttpExchange exchange, int maxHeaderBytes)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var line = $"{exchange.Method} {exchange.Url.PathAndQuery} {Version(exchange.HttpVersion)}";
        IEnumerable<KeyValuePair<string, string>> headers = exchange.RequestHeaders;
        if (!exchange.RequestHeaders.Any(h => h.Key.Equals("Host", StringComparison.OrdinalIgnoreCase)))
        {
            headers = headers.Prepend(KeyValuePair.Create("Host", exchange.Url.IsDefaultPort ? exchange.Url.IdnHost : $"{exchange.Url.IdnHost}:{exchange.Url.Port}"));
        }

        return Build(line, headers, [], maxHeaderBytes);
    }

    public static Head Response(HttpExchange exchange, long payloadLength, int maxHeaderBytes)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var line = $"{Version(exchange.HttpVersion)} {exchange.StatusCode.ToString(CultureInfo.InvariantCulture)} {exchange.ReasonPhrase}".TrimEnd();
        var headers = exchange.ResponseHeaders.Select(h =>
            _wireFraming.Contains(h.Key, StringComparer.OrdinalIgnoreCase) ? KeyValuePair.Create(OriginalPrefix + h.Key, h.Value) : h);
        return Build(line, headers, [KeyValuePair.Create("Content-Length", payloadLength.ToString(CultureInfo.InvariantCulture))], maxHeaderBytes);
    }

    private static Head Build(string startLine, IEnumerable<KeyValuePair<string, string>> headers, IReadOnlyList<KeyValuePair<string, string>> always, int maxHeaderBytes)
    {
        var text = new StringBuilder(startLine).Append("\r\n");
        var budget = maxHeaderBytes;
        var truncated = false;
        foreach (var (name, value) in headers)
        {
            var field = $"{name}: {value.Replace('\r', ' ').Replace('\n', ' ')}\r\n";
            var size = Encoding.UTF8.GetByteCount(field);
            if (size > budget)
            {
                // A huge header set is cut here rather than stored whole: the rest are named as truncated in the record.
                truncated = true;
                budget = 0;
                continue;
            }

            budget -= size;
            text.Append(field);
        }

        foreach (var (name, value) in always)
        {
            text.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        text.Append("\r\n");
        return new Head(Encoding.UTF8.GetBytes(text.ToString()), truncated);
    }

    private static string Version(Version version) => version.Major >= 2 ? $"HTTP/{version.Major}" : $"HTTP/{version.Major}.{version.Minor}";
}
