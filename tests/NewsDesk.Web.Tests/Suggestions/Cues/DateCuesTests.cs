using NewsDesk.Web.Domain;
using NewsDesk.Web.Suggestions.Cues;

namespace NewsDesk.Web.Tests.Suggestions.Cues;

/// <summary>Dates in the text, resolved against the article's date with the precision they have.</summary>
public class DateCuesTests
{
    private static readonly DateOnly _published = new(2024, 7, 27);

    [Theory]
    [InlineData("The attack on July 26 killed two.", "on July 26", "2024-07-26", DatePrecision.Day)]
    [InlineData("It took place on October 7.", "on October 7", "2023-10-07", DatePrecision.Day)]
    [InlineData("Earlier, in January, a drone hit the base.", "in January", "2024-01-01", DatePrecision.Month)]
    [InlineData("Since the war began last October, attacks rose.", "last October", "2023-10-01", DatePrecision.Month)]
    [InlineData("A strike on 3 March 2022 was the first.", "3 March 2022", "2022-03-03", DatePrecision.Day)]
    [InlineData("Fighting resumed in late June.", "late June", "2024-06-01", DatePrecision.Approximate)]
    [InlineData("Drones struck yesterday.", "yesterday", "2024-07-26", DatePrecision.Day)]
    [InlineData("The raid on Monday failed.", "on Monday", "2024-07-22", DatePrecision.Day)]
    [InlineData("Earlier this year the group split.", "Earlier this year", "2024-01-01", DatePrecision.Approximate)]
    [InlineData("The deal was signed in 2019.", "in 2019", "2019-01-01", DatePrecision.Year)]
    [InlineData("وقع الهجوم في 26 يوليو قرب القاعدة.", "26 يوليو", "2024-07-26", DatePrecision.Day)]
    [InlineData("منذ أكتوبر الماضي تصاعدت الهجمات.", "منذ أكتوبر الماضي", "2023-10-01", DatePrecision.Month)]
    [InlineData("هاجموا في تموز القاعدة.", "في تموز", "2024-07-01", DatePrecision.Month)]
    public void A_date_is_resolved_against_the_article_date(string text, string quote, string date, DatePrecision precision)
    {
        var cue = Assert.Single(DateCues.Find(text, _published));

        Assert.Equal(quote, cue.Quote);
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), cue.Date);
        Assert.Equal(precision, cue.Precision);
    }

    [Fact]
    public void The_word_may_is_not_a_month_and_relative_dates_need_the_article_date()
    {
        Assert.Empty(DateCues.Find("It may be a response.", _published));
        Assert.Empty(DateCues.Find("Drones struck yesterday.", null));
        Assert.Single(DateCues.Find("Drones struck on 5 May 2023.", null));
    }
}
