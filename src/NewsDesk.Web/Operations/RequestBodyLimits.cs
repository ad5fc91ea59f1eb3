using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace NewsDesk.Web.Operations;

/// <summary>Request body limits. Bound to section "RequestLimits".</summary>
public class RequestLimitsOptions
{
    public const string SectionName = "RequestLimits";

    /// <summary>
    /// Bytes a request body may have on any endpoint that declares no limit of its own (<c>[RequestSizeLimit]</c>,
    /// as the OPML upload does). Forms and API calls are kilobytes; 1 MiB leaves room for a long claim or alias list.
    /// </summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;
}

/// <summary>
/// One body limit for every endpoint, answered with 413 instead of the 500 an oversized form used to give (the
/// form reader's own limits throw deep inside model binding): a declared Content-Length over the limit is refused
/// before anything is read, and a chunked body is counted as it is read.
/// </summary>
public static class RequestBodyLimits
{
    public static WebApplicationBuilder AddRequestBodyLimits(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<RequestLimitsOptions>().BindConfiguration(RequestLimitsOptions.SectionName);
        return builder;
    }

    /// <summary>After routing, so an endpoint's own <c>[RequestSizeLimit]</c> is known.</summary>
    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app) => app.Use(LimitAsync);

    private static async Task LimitAsync(HttpContext context, Func<Task> next)
    {
        var declared = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
        var limit = declared ?? context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RequestLimitsOptions>>().Value.MaxBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            await RefuseAsync(context, limit);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server)
        {
            server.MaxRequestBodySize = limit;
        }

        context.Request.Body = new LimitedReadStream(context.Request.Body, limit);
        try
        {
            await next();
        }
        catch (Exception ex) when (TooLarge(ex) && !context.Response.HasStarted)
        {
            await RefuseAsync(context, limit);
        }
    }

    /// <summary>Kestrel's or our own "body too large", possibly wrapped by the form reader or model binding.</summary>
    private static bool TooLarge(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                return true;
            }
        }

        return false;
    }

    private static Task RefuseAsync(HttpContext context, long limit)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>()?.Enabled = false;
        // The client may still be sending; closing the connection stops it from uploading the rest for nothing.
        context.Response.Headers.Connection = "close";
        return context.Response.WriteAsJsonAsync(new
        {
            type = "https://tools.ietf.org/html/rfc9110#section-15.5.14",
            title = "The request body is too large.",
            status = StatusCodes.Status413PayloadTooLarge,
            detail = $"This endpoint accepts at most {limit:N0} bytes.",
        }, options: null, contentType: "application/problem+json");
    }

    /// <summary>Counts bytes as they are read and fails with a 413 once the limit is passed.</summary>
    private sealed class LimitedReadStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int read)
        {
            _read += read;
            return _read > limit
                ? throw new BadHttpRequestException($"The request body is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge)
                : read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
