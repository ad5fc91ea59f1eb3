using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Auth;

/// <summary>
/// <c>Authorization: Bearer nd_...</c> for the JSON API. The user's roles are read on every call, so a changed
/// role, a lockout or a revoked token takes effect at once.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokens tokens,
    UserManager<NewsDeskUser> users,
    NewsDeskDbContext db,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>The claim a read-only token carries; <see cref="WriteRequirementHandler"/> refuses its writes.</summary>
    public const string ScopeClaim = "scope";
    public const string ReadScope = "read";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = await tokens.FindAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (token?.User is not { } user || await users.IsLockedOutAsync(user))
        {
            return AuthenticateResult.Fail("The API token is unknown, revoked, or its user is locked out.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(5))
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(Context.RequestAborted);
        }

        List<System.Security.Claims.Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, user.Id),
            new(ClaimTypes.Name, user.UserName ?? user.Id),
            .. (await users.GetRolesAsync(user)).Select(role => new System.Security.Claims.Claim(ClaimTypes.Role, role)),
        ];
        if (token.ReadOnly)
        {
            claims.Add(new(ScopeClaim, ReadScope));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
