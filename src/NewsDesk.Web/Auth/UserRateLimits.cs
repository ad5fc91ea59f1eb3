using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace NewsDesk.Web.Auth;

/// <summary>Per-user request budgets, bound to the <c>RateLimits</c> section.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Writes (POST, PUT, PATCH, DELETE on pages and the API) one user may make per minute; more get 429.</summary>
    public int WritesPerMinute { get; set; } = 600;

    /// <summary>Full-text article searches (the list's and <c>/api/articles</c>'s <c>q</c>) one user may run per minute.</summary>
    public int SearchesPerMinute { get; set; } = 300;
}

/// <summary>
/// Per-user limits on writes and searches, the two requests that cost the server most: an editor tagging by hand
/// makes a few writes a minute, a runaway script thousands. Counted per signed-in user (cookie or token alike),
/// so one user's script cannot slow down the others; answered with 429 and a Retry-After saying when to come back.
/// </summary>
public static class UserRateLimits
{
    public static IServiceCollection AddUserRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.Configure<RateLimiterOptions>(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, limits));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
                context.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    // The limiter answers before the API's problem-details middleware runs, so it writes one itself.
                    await Results.Problem(title: "Too many requests.", statusCode: StatusCodes.Status429TooManyRequests,
                        detail: $"This user's budget for this kind of request is spent; try again in {wait} s.").ExecuteAsync(context);
                }
            };
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitOptions limits)
    {
        var user = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (user is null)
        {
            // Anonymous requests reach only the login form (limited per address) and the first-run page.
            return RateLimitPartition.GetNoLimiter("anonymous");
        }

        var request = context.Request;
        var writes = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
        if (writes)
        {
            return Window($"writes:{user}", limits.WritesPerMinute);
        }

        var searches = request.Query.TryGetValue("q", out var q) && !string.IsNullOrWhiteSpace(q)
            && (request.Path == "/" || request.Path.StartsWithSegments("/api/articles"));
        return searches ? Window($"search:{user}", limits.SearchesPerMinute) : RateLimitPartition.GetNoLimiter("reads");
    }

    private static RateLimitPartition<string> Window(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
