using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using NewsDesk.Web.Places;
using NewsDesk.Web.Suggestions;
using NewsDesk.Web.Watchlists;

namespace NewsDesk.Web.Api;

/// <summary>The JSON API under /api: problem details for errors, OpenAPI at /openapi/v1.json.</summary>
public static class ApiSetup
{
    public static WebApplicationBuilder AddNewsDeskApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<StorageFullProblem>();
        builder.Services.AddExceptionHandler<StoreUnreachableProblem>();
        builder.Services.AddOpenApi();
        builder.Services.Configure<JsonOptions>(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        return builder;
    }

    public static WebApplication MapNewsDeskApi(this WebApplication app)
    {
        app.Use(ProblemDetailsForApiErrorsAsync);
        app.MapOpenApi();
        var api = app.MapGroup("/api");
        api.MapArticlesApi();
        api.MapMentionsApi();
        api.MapActorsApi();
        api.MapIncidentsApi();
        api.MapClaimsApi();
        api.MapPlacesApi();
        api.MapVocabularyApi();
        api.MapWorkflowApi();
        api.MapSuggestionsApi();
        api.MapWatchlistsApi();
        return app;
    }

    // Script clients get RFC 7807 JSON, never the HTML error page: e.g. a body that is not JSON is refused by
    // the framework with a bare 400, which would otherwise be re-executed as the site's error page.
    private static async Task ProblemDetailsForApiErrorsAsync(HttpContext context, Func<Task> next)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            await next();
            return;
        }

        context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
        await next();
        if (context.Response.StatusCode >= 400 && !context.Response.HasStarted && context.Response.ContentLength is null)
        {
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = context.Response.StatusCode,
                    Detail = context.Response.StatusCode == StatusCodes.Status400BadRequest
                        ? "The request could not be read: send JSON of the shape the API describes at /openapi/v1.json."
                        : null,
                },
            });
        }
    }
}
