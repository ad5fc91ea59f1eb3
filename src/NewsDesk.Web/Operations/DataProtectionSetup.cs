using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using NewsDesk.Web.Data;

namespace NewsDesk.Web.Operations;

public static class DataProtectionSetup
{
    /// <summary>Keys live under the data folder so sign-in cookies and antiforgery tokens survive restarts.</summary>
    public static WebApplicationBuilder AddNewsDeskKeys(this WebApplicationBuilder builder)
    {
        builder.Services.AddDataProtection().SetApplicationName("NewsDesk");
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<StoreLocation, ILoggerFactory>((options, store, loggers) =>
                options.XmlRepository = new FileSystemXmlRepository(
                    new DirectoryInfo(Path.Combine(store.DataDirectory, "keys")), loggers));
        return builder;
    }
}
