using Microsoft.AspNetCore.Authorization;

namespace NewsDesk.Web.Auth;

/// <summary>
/// Reads (GET, HEAD, OPTIONS) pass; anything that can change data needs one of the roles. Checked on the server
/// for every request, so a viewer's POST gets 403 whatever the page shows.
/// </summary>
public sealed class WriteRequirement(params string[] roles) : IAuthorizationRequirement
{
    public IReadOnlyList<string> Roles { get; } = roles;
}

/// <summary>Evaluates <see cref="WriteRequirement"/> against the request's method.</summary>
public sealed class WriteRequirementHandler(IHttpContextAccessor http) : AuthorizationHandler<WriteRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, WriteRequirement requirement)
    {
        var request = (context.Resource as HttpContext ?? http.HttpContext)?.Request;
        var reads = request is not null && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
        // A read-only token's writes are refused whatever its user's role.
        var readOnlyToken = context.User.HasClaim(ApiTokenAuthenticationHandler.ScopeClaim, ApiTokenAuthenticationHandler.ReadScope);
        if (reads || (!readOnlyToken && requirement.Roles.Any(context.User.IsInRole)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
