using Microsoft.AspNetCore.Diagnostics;
using NewsDesk.Web.Data;

namespace NewsDesk.Web.Api;

/// <summary>
/// A script whose write met a full disk gets 507 and a problem saying nothing was saved (the engine rolled the
/// write back), so it knows to send it again later; pages get the same sentence on the error page.
/// </summary>
public sealed class StorageFullProblem : IExceptionHandler
{
    public const string Detail =
        "The server's disk (or its database size limit) is full, so this change was not saved. Free some space, then send it again.";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!ApiErrorRequests.AskedForApi(httpContext) || !StorageFull.Is(exception))
        {
            return false;
        }

        // Written directly: the problem-details service defers to content negotiation, and a script must get JSON.
        await Results.Problem(title: "Disk full: nothing saved", detail: Detail, statusCode: StatusCodes.Status507InsufficientStorage)
            .ExecuteAsync(httpContext);
        return true;
    }
}
