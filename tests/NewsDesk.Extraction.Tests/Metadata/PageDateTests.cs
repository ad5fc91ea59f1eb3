using NewsDesk.Extraction.Metadata;

namespace NewsDesk.Extraction.Tests.Metadata;

public class PageDateTests
{
    [Theory]
    [InlineData("2024-07-27T23:56:00+02:00", 2, true, true)]
    [InlineData("2024-07-27T23:56:00Z", 0, true, true)]
    [InlineData("2024-07-27T23:56:00.123-0500", -5, true, true)]
    [InlineData("2024-07-27T23:56:00", 0, false, true)]
    [InlineData("2024-07-27", 0, false, false)]
    [InlineData("Sat, 27 Jul 2024 23:56:00 GMT", 0, true, true)]
    public void TryParse_reports_zone_and_time_as_written(string text, int offsetHours, bool hasZone, bool hasTime)
    {
        var date = PageDate.TryParse(text);

        Assert.NotNull(date);
        Assert.Equal(TimeSpan.FromHours(offsetHours), date.Value.Value.Offset);
        Assert.Equal(hasZone, date.Value.HasZone);
        Assert.Equal(hasTime, date.Value.HasTime);
        Assert.Equal(27, date.Value.Value.Day);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    public void TryParse_returns_null_for_no_date(string? text)
    {
        Assert.Null(PageDate.TryParse(text));
    }
}
