using NewsDesk.Extraction.Content;

namespace NewsDesk.Extraction.Tests.Content;

public class NameRulesTests
{
    [Theory]
    [InlineData("field--label-hidden", new[] { "field", "label", "hidden" })]
    [InlineData("articleBody", new[] { "article", "body" })]
    [InlineData("HTMLContent ad2", new[] { "html", "content", "ad", "2" })]
    [InlineData("sharing-with-friends", new[] { "sharing", "with", "friends" })]
    public void Names_are_split_on_punctuation_camel_case_and_digits(string names, string[] words)
    {
        Assert.Equal(words, NameRules.Tokenize(names));
    }

    [Theory]
    [InlineData("scrolling-tracker")]
    [InlineData("shadow-header-wrap")]
    [InlineData("download-link")]
    [InlineData("threaded")]
    [InlineData("read-more-content")]
    public void Names_that_only_contain_a_chrome_word_are_not_chrome(string names)
    {
        Assert.False(NameRules.Judge(names).IsChrome);
    }

    [Theory]
    [InlineData("article-share-bar")]
    [InlineData("site-footer")]
    [InlineData("relatedArticles")]
    [InlineData("ad-slot")]
    [InlineData("comments")]
    public void Whole_chrome_words_are_chrome(string names)
    {
        Assert.True(NameRules.Judge(names).IsChrome);
    }

    [Fact]
    public void A_name_is_also_read_unsplit_so_MathJax_is_the_content_word_mathjax()
    {
        // "CtxtMenu" says menu, but "MathJax" (math + jax when split) is Readability's "maybe content" word.
        Assert.True(NameRules.Judge("CtxtMenu_Attached_0").IsChrome);
        Assert.False(NameRules.Judge("MathJax CtxtMenu_Attached_0").IsChrome);
    }

    [Fact]
    public void Class_weight_counts_whole_words_only()
    {
        Assert.Equal(-25, NameRules.Judge("field--label-hidden").Weight);
        Assert.Equal(0, NameRules.Judge("scrolling-tracker").Weight);
        Assert.Equal(25, NameRules.Judge("entry-content").Weight);
    }
}
