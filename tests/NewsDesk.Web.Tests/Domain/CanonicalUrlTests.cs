using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Tests.Domain;

public class CanonicalUrlTests
{
    [Theory]
    [InlineData("HTTPS://News.Example:443/a/b?x=1#frag", "https://news.example/a/b?x=1")]
    [InlineData("http://news.example:80", "http://news.example/")]
    [InlineData("http://news.example:8080/a", "http://news.example:8080/a")]
    [InlineData("https://news.example/a?utm_source=tw&id=7&utm_medium=social&fbclid=X&gclid=Y", "https://news.example/a?id=7")]
    [InlineData("https://news.example/a?mc_cid=1&mc_eid=2&page=2", "https://news.example/a?page=2")]
    [InlineData("https://user:pw@news.example/a", "https://news.example/a")]
    [InlineData("https://news.example/a/../b/./c", "https://news.example/b/c")]
    public void Urls_are_normalised(string input, string expected)
    {
        Assert.True(CanonicalUrl.TryNormalize(input, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://news.example/a")]
    [InlineData("/relative/path")]
    [InlineData("")]
    public void Non_web_addresses_are_refused(string input)
    {
        Assert.False(CanonicalUrl.TryNormalize(input, out _));
    }

    [Fact]
    public void The_www_prefix_does_not_make_another_site()
    {
        Assert.True(CanonicalUrl.SameSite(new Uri("https://www.news.example/a"), new Uri("https://news.example/b")));
        Assert.False(CanonicalUrl.SameSite(new Uri("https://news.example/a"), new Uri("https://rival.example/a")));
    }
}
