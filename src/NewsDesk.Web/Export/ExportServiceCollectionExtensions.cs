namespace NewsDesk.Web.Export;

public static class ExportServiceCollectionExtensions
{
    /// <summary>Registers the CSV export the /export page and the <c>export</c> verb share.</summary>
    public static WebApplicationBuilder AddExport(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ExportService>();
        builder.Services.AddScoped<EvidenceBundleWriter>();
        return builder;
    }
}
