namespace NewsDesk.Web.Map;

public static class MapServiceCollectionExtensions
{
    /// <summary>Registers the incident map: the country outlines (decoded once) and the marks query.</summary>
    public static WebApplicationBuilder AddIncidentMap(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WorldShapes>();
        builder.Services.AddScoped<IncidentMap>();
        return builder;
    }
}
