using Microsoft.AspNetCore.Diagnostics;

namespace NewsDesk.Web.Api;

/// <summary>What the exception handlers of the API need to know of the request that failed.</summary>
internal static class ApiErrorRequests
{
    /// <summary>
    /// Whether the failed request asked for the API. By the time a handler runs, the middleware has pointed
    /// Request.Path at the error page; the path asked for is in the feature.
    /// </summary>
    public static bool AskedForApi(HttpContext httpContext) =>
        new PathString(httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path).StartsWithSegments("/api");
}
