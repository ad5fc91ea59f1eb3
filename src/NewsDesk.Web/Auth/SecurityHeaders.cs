namespace NewsDesk.Web.Auth;

/// <summary>
/// Security headers on every response, set first in the pipeline (a startup filter) so error pages and static
/// files get them too. Scripts come only from the app's own files: no inline script or handler can run.
/// </summary>
public sealed class SecurityHeaders : IStartupFilter
{
    // No inline scripts or styles: the pages' markup carries neither (progress bars are <progress> elements).
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; form-action 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers["Referrer-Policy"] = "no-referrer";
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                return Task.CompletedTask;
            });
            return nextMiddleware(context);
        });
        next(app);
    };
}
