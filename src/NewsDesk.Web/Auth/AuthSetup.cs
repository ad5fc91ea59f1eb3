using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Auth;

/// <summary>
/// Accounts, roles and the rules of who may do what: ASP.NET Core Identity on the app's own database, a sign-in
/// cookie for people, personal tokens for scripts, a signed-in user required everywhere (login, setup and
/// /healthz excepted), writes for editors and admins only, security headers and a login rate limit.
/// </summary>
public static class AuthSetup
{
    /// <summary>Picks the cookie or, for the JSON API with a Bearer header, the token handler.</summary>
    public const string Scheme = "NewsDesk";

    public const string LoginRateLimit = "login";

    public static WebApplicationBuilder AddNewsDeskAuth(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        builder.Services.Configure<AuthOptions>(builder.Configuration.GetSection(AuthOptions.SectionName));

        builder.Services.AddIdentity<NewsDeskUser, IdentityRole>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.Password.RequiredLength = options.MinimumPasswordLength;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Lockout.MaxFailedAccessAttempts = options.LockoutAttempts;
                identity.Lockout.DefaultLockoutTimeSpan = options.LockoutDuration;
                identity.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<NewsDeskDbContext>()
            .AddDefaultTokenProviders();
        // A changed role or a lockout reaches open sessions within a minute.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "NewsDesk.Auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = options.SessionLifetime;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/login";
            cookie.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                // A refused action is a plain 403 (the error page says why), never a redirect to a login form.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "NewsDesk.Antiforgery";
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.HeaderName = "RequestVerificationToken";
        });

        builder.Services.AddAuthentication(auth =>
            {
                auth.DefaultScheme = Scheme;
                auth.DefaultAuthenticateScheme = Scheme;
                auth.DefaultChallengeScheme = Scheme;
                auth.DefaultForbidScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Cookie or API token", scheme => scheme.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api") && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);

        builder.Services.AddSingleton<IAuthorizationHandler, WriteRequirementHandler>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.EditorWrites, p => p.RequireAuthenticatedUser().AddRequirements(new WriteRequirement(Roles.Admin, Roles.Editor)))
            .AddPolicy(Policies.AdminWrites, p => p.RequireAuthenticatedUser().AddRequirements(new WriteRequirement(Roles.Admin)))
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin))
            // Every endpoint that names no policy (pages, the JSON API, OpenAPI) gets this one.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new WriteRequirement(Roles.Admin, Roles.Editor)).Build());

        builder.Services.Configure<RazorPagesOptions>(pages =>
        {
            pages.Conventions.AuthorizeFolder("/Sources", Policies.AdminWrites);
            pages.Conventions.AuthorizePage("/Sources/Add", Policies.Admin);
            pages.Conventions.AuthorizePage("/Sources/Edit", Policies.Admin);
            pages.Conventions.AuthorizePage("/Sources/Import", Policies.Admin);
            pages.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
            pages.Conventions.AuthorizeFolder("/Audit", Policies.Admin);
            pages.Conventions.AuthorizeFolder("/Account", Policies.SignedIn);
            pages.Conventions.AllowAnonymousToPage("/Account/Login");
            pages.Conventions.AllowAnonymousToPage("/Setup/Index");
            pages.Conventions.AllowAnonymousToPage("/Error");
        });

        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only the form posts count: opening the login page is free.
            limiter.AddPolicy(LoginRateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "local", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.LoginAttemptsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("read"));
        });

        builder.Services.AddUserRateLimits(builder.Configuration);
        builder.Services.AddScoped<UserAccounts>();
        builder.Services.AddScoped<ApiTokens>();
        builder.Services.AddSingleton<FirstRun>();
        builder.Services.AddTransient<IStartupFilter, SecurityHeaders>();
        return builder;
    }

    /// <summary>Authentication, the first-run redirect, the login rate limit, authorization, and antiforgery for the page's script calls.</summary>
    public static WebApplication UseNewsDeskAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.Use(FirstRun.RedirectToSetupAsync);
        app.UseRateLimiter();
        app.UseAuthorization();
        app.Use(ValidateApiAntiforgeryAsync);
        return app;
    }

    // The browser's script calls to /api ride on the sign-in cookie, so they must prove they come from our page
    // (a token header a cross-site form cannot send). Calls with a personal token carry no cookie and need none.
    private static async Task ValidateApiAntiforgeryAsync(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        var writes = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
        if (writes && request.Path.StartsWithSegments("/api") && context.User.Identity is { IsAuthenticated: true, AuthenticationType: not ApiTokenAuthenticationHandler.SchemeName })
        {
            try
            {
                await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
            }
            catch (AntiforgeryValidationException)
            {
                await Results.Problem(title: "Missing or invalid antiforgery token.",
                    detail: "Calls signed in with the cookie must send the page's RequestVerificationToken header; scripts should use a personal API token.",
                    statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
                return;
            }
        }

        await next();
    }

    private static Task Answer(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int apiStatus)
    {
        // Scripts get a status code; people get the login page.
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = apiStatus;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
