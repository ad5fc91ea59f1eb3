using NewsDesk.Extraction.Feeds;

namespace NewsDesk.Extraction.Tests.Feeds;

public class FeedDatesTests
{
    [Theory]
    [InlineData("Sat, 27 Jul 2024 09:30:00 +0300", "2024-07-27T06:30:00Z")]
    [InlineData("Sat, 27 Jul 2024 09:30:00 GMT", "2024-07-27T09:30:00Z")]
    [InlineData("Sat, 27 Jul 2024 09:30 EDT", "2024-07-27T13:30:00Z")]
    [InlineData("27 Jul 24 09:30:00 PST", "2024-07-27T17:30:00Z")]
    [InlineData("Sam, 27 Jul 2024 09:30:00 CEST", "2024-07-27T07:30:00Z")]
    [InlineData("Mi, 03 Mär 2021 10:00:00 +0100", "2021-03-03T09:00:00Z")]
    [InlineData("27 July 2024", "2024-07-27T00:00:00Z")]
    [InlineData("2024-07-27T09:30:00+03:00", "2024-07-27T06:30:00Z")]
    [InlineData("2024-07-27T09:30:00.123Z", "2024-07-27T09:30:00.123Z")]
    [InlineData("2024-07-27", "2024-07-27T00:00:00Z")]
    [InlineData("1722072600", "2024-07-27T09:30:00Z")]
    public void Dates_as_feeds_write_them_are_read(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), FeedDates.Parse(text));
    }

    [Theory]
    [InlineData("yesterday-ish")]
    [InlineData("")]
    [InlineData("32 Foo 2024 99:99")]
    public void An_unreadable_date_is_unknown(string text)
    {
        Assert.Null(FeedDates.Parse(text));
    }
}
