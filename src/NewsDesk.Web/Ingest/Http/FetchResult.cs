namespace NewsDesk.Web.Ingest.Http;

/// <summary>A response read within the limits: the final address after redirects and the body's raw bytes.</summary>
public sealed record FetchResult(
    Uri RequestedUrl,
    Uri FinalUrl,
    int StatusCode,
    string? ContentType,
    ReadOnlyMemory<byte> Body,
    string? ETag,
    string? LastModified)
{
    /// <summary>The final hop's request and response heads as sent and received, for the evidence capture (null on 304).</summary>
    public HttpExchange? Exchange { get; init; }

    /// <summary>304: the validators matched, so nothing changed since the last fetch.</summary>
    public bool NotModified => StatusCode == 304;

    /// <summary>The media type without parameters ("text/html"), lower case.</summary>
    public string? MediaType => ContentType?.Split(';', 2)[0].Trim().ToLowerInvariant();
}

/// <summary>
/// One HTTP exchange as the client saw it: the request line and headers sent, the status line and headers received
/// (in order, repeated names kept), the peer's address and when the response arrived.
/// </summary>
public sealed record HttpExchange(
    string Method,
    Uri Url,
    Version HttpVersion,
    IReadOnlyList<KeyValuePair<string, string>> RequestHeaders,
    int StatusCode,
    string? ReasonPhrase,
    IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders,
    string? RemoteAddress,
    DateTimeOffset ReceivedAt);

/// <summary>Why a fetch was given up.</summary>
public enum FetchFailureKind
{
    Network,
    HttpStatus,
    Blocked,
    Robots,
    TooLarge,
    Timeout,
    ContentType,
    Redirects,
    Scheme,
}

/// <summary>A fetch that did not produce a usable response, with a message fit for the fetch log.</summary>
public sealed class FetchFailureException(FetchFailureKind kind, string message, int? httpStatus = null, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public FetchFailureKind Kind { get; } = kind;
    public int? HttpStatus { get; } = httpStatus;

    /// <summary>How long the server asked us to wait (429/503 Retry-After).</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>A failure that may not happen again (a network error, a timeout, 408, 429, 5xx): worth another try.</summary>
    public bool IsTransient => Kind is FetchFailureKind.Network or FetchFailureKind.Timeout
        || (Kind == FetchFailureKind.HttpStatus && HttpStatus is 408 or 429 or >= 500);
}
