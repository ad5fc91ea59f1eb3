using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Operations;

/// <summary>
/// The log never fills the disk by itself: the configuration the app ships (appsettings.json, as users run it)
/// rolls the file at a size limit and keeps a bounded number of files.
/// </summary>
public class LogFileLimitsTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    [Fact]
    public void The_shipped_log_file_rolls_at_a_size_limit_and_keeps_at_most_200_MiB_of_files()
    {
        var file = factory.Services.GetRequiredService<IConfiguration>().GetSection("Serilog:WriteTo:File:Args");

        Assert.Equal("true", file["rollOnFileSizeLimit"], ignoreCase: true);
        var bytesPerFile = long.Parse(file["fileSizeLimitBytes"] ?? "0", CultureInfo.InvariantCulture);
        var files = int.Parse(file["retainedFileCountLimit"] ?? "0", CultureInfo.InvariantCulture);
        Assert.InRange(bytesPerFile, 1, 100L << 20);
        Assert.InRange(files, 1, 100);
        Assert.InRange(bytesPerFile * files, 1, 200L << 20);
    }
}
