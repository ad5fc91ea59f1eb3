using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Tests.Domain;

/// <summary>The stored opening the article list shows instead of reading the whole text.</summary>
public class ArticleLeadTests
{
    [Fact]
    public void A_short_text_is_its_own_lead()
    {
        var article = new Article { Url = "urn:a", Title = "t", ContentHash = "h", Text = "Houthis fired at Eilat." };

        Assert.Equal("Houthis fired at Eilat.", article.Lead);
    }

    [Fact]
    public void A_long_text_leads_with_its_first_280_characters_and_a_new_text_brings_a_new_lead()
    {
        var text = string.Concat(Enumerable.Repeat("Kataib Hezbollah claimed the attack. ", 20));
        var article = new Article { Url = "urn:a", Title = "t", ContentHash = "h", Text = text };

        Assert.Equal(text[..Article.LeadLength], article.Lead);

        article.Text = "Corrected.";
        Assert.Equal("Corrected.", article.Lead);
    }

    [Fact]
    public void The_lead_never_ends_inside_a_surrogate_pair()
    {
        var text = new string('a', Article.LeadLength - 1) + "😀 and more";
        var article = new Article { Url = "urn:a", Title = "t", ContentHash = "h", Text = text };

        Assert.Equal(new string('a', Article.LeadLength - 1), article.Lead);
        Assert.False(char.IsHighSurrogate(article.Lead[^1]));
    }
}
