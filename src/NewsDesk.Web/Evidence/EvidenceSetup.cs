namespace NewsDesk.Web.Evidence;

/// <summary>Registers captures, article versions and the re-check of recent articles.</summary>
public static class EvidenceSetup
{
    public static WebApplicationBuilder AddEvidence(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<EvidenceOptions>().BindConfiguration(EvidenceOptions.SectionName);
        builder.Services.AddSingleton<Warc.WarcFileWriter>();
        builder.Services.AddSingleton<CaptureRecorder>();
        builder.Services.AddScoped<ArticleVersioning>();
        builder.Services.AddSingleton<ArticleRechecker>();
        builder.Services.AddSingleton<CaptureFiles>();
        builder.Services.AddScoped<ArticleEvidenceReader>();
        builder.Services.AddScoped<EvidenceVerifier>();
        return builder;
    }
}
