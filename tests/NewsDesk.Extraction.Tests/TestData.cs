using System.Text;

namespace NewsDesk.Extraction.Tests;

/// <summary>Reads the golden files in <c>testdata/</c>, copied next to the test assembly.</summary>
internal static class TestData
{
    public static readonly Uri PageUrl = new("https://news.example/2024/07/27/story");

    static TestData()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "testdata", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    /// <summary>Expected text files are UTF-8 and use "\n" only, whatever the checkout does to line endings.</summary>
    public static string Expected(string name) => File.ReadAllText(PathOf(name), Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal);

    public static ExtractedArticle Extract(string name, string? contentType = null)
    {
        using var stream = new MemoryStream(Bytes(name));
        return new ArticleExtractor().Extract(stream, contentType, PageUrl);
    }

    public static ExtractedArticle Extract(byte[] bytes, string? contentType)
    {
        using var stream = new MemoryStream(bytes);
        return new ArticleExtractor().Extract(stream, contentType, PageUrl);
    }
}
