using System.Net;

namespace NewsDesk.Web.Auth;

/// <summary>
/// While no user exists, every page leads to the one-time setup page, which only the machine itself may open
/// (a fresh install on a newsroom network must not be claimable by a neighbour). Once a user exists the answer is
/// remembered and the check costs nothing.
/// </summary>
public sealed class FirstRun
{
    public const string SetupPath = "/setup";

    private volatile bool _hasUsers;

    public async Task<bool> NeedsSetupAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (_hasUsers)
        {
            return false;
        }

        _hasUsers = await services.GetRequiredService<UserAccounts>().AnyAsync(cancellationToken);
        return !_hasUsers;
    }

    /// <summary>Loopback only. In-process test hosts have no remote address at all and count as local.</summary>
    public static bool IsLocal(HttpContext context) =>
        context.Connection.RemoteIpAddress is not { } remote || IPAddress.IsLoopback(remote);

    /// <summary>Sends every request to the setup page while no user exists (health checks and static files excepted).</summary>
    public static async Task RedirectToSetupAsync(HttpContext context, Func<Task> next)
    {
        var path = context.Request.Path;
        var exempt = path.StartsWithSegments(SetupPath) || path.StartsWithSegments("/healthz") || context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is not null
            || path.StartsWithSegments("/lib") || path.StartsWithSegments("/css") || path.StartsWithSegments("/js") || path.StartsWithSegments("/Error");
        var firstRun = context.RequestServices.GetRequiredService<FirstRun>();
        if (exempt || !await firstRun.NeedsSetupAsync(context.RequestServices, context.RequestAborted))
        {
            await next();
            return;
        }

        if (!IsLocal(context))
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsync("NewsDesk is not set up yet. Create the first admin from the server itself: open /setup there, or run the verb 'users add EMAIL --role admin'.");
            return;
        }

        context.Response.Redirect(SetupPath);
    }
}
