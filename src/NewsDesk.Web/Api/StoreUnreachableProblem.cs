using Microsoft.AspNetCore.Diagnostics;
using NewsDesk.Web.Data;

namespace NewsDesk.Web.Api;

/// <summary>
/// A script whose request met an unreachable database gets 503 with Retry-After and a problem saying so, so it knows
/// to send the request again shortly; pages get the same sentence on the error page (Pages/Error).
/// </summary>
public sealed class StoreUnreachableProblem : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!ApiErrorRequests.AskedForApi(httpContext) || !StoreUnreachable.Is(exception))
        {
            return false;
        }

        httpContext.Response.Headers.RetryAfter = StoreUnreachable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Results.Problem(title: StoreUnreachable.Title, detail: StoreUnreachable.Detail, statusCode: StatusCodes.Status503ServiceUnavailable)
            .ExecuteAsync(httpContext);
        return true;
    }
}
