using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsDesk.Web.Data;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Data;

/// <summary>
/// The pooled contexts' options are built by hand (ADR 1900), outside AddDbContext, which would have given EF the app's
/// logging: without it EF's warnings and its command log (bench/scale/queries.sh) went nowhere.
/// </summary>
public class StoreContextLoggingTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    [Fact]
    public void The_pooled_contexts_log_through_the_apps_logging()
    {
        var pool = factory.Services.GetRequiredService<StoreContextPool>();

        Assert.Same(factory.Services.GetRequiredService<ILoggerFactory>(), pool.Options.FindExtension<CoreOptionsExtension>()?.LoggerFactory);
    }
}
