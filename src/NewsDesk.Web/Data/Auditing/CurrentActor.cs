using System.Security.Claims;

namespace NewsDesk.Web.Data.Auditing;

/// <summary>
/// Who is changing data in this scope: the signed-in user of the request, or, without one, the system
/// (start-up seeding, the scraper) or <c>cli</c> for verbs, which run headless without signing in.
/// </summary>
public sealed class CurrentActor(IHttpContextAccessor http)
{
    public const string System = "system";
    public const string Cli = "cli";

    private string _fallbackName = System;

    /// <summary>Names the actor of a scope that has no signed-in user (verbs call this with <see cref="Cli"/>).</summary>
    public void UseSystemName(string name) => _fallbackName = name;

    public string? UserId => SignedIn?.FindFirstValue(ClaimTypes.NameIdentifier);

    public string Name => SignedIn?.Identity?.Name ?? _fallbackName;

    private ClaimsPrincipal? SignedIn =>
        http.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;
}
