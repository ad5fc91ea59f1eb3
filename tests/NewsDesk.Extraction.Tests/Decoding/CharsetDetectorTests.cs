using System.Text;

namespace NewsDesk.Extraction.Tests.Decoding;

public class CharsetDetectorTests
{
    public CharsetDetectorTests()
    {
        // The tests encode their own legacy-charset bytes; the extractor registers the provider for itself.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    [Fact]
    public void Extract_decodes_windows_1256_arabic_named_by_the_http_header()
    {
        var article = TestData.Extract("arabic-windows-1256.html", "text/html; charset=windows-1256");

        Assert.Equal(TestData.Expected("arabic-windows-1256.expected.txt"), article.Text);
        Assert.Equal("افتتاح مستشفى جديد في الإسكندرية", article.Title);
        Assert.Equal("صحيفة المثال", article.SiteName);
        Assert.Equal("ar", article.Language);
    }

    [Fact]
    public void Extract_decodes_shift_jis_named_by_meta_charset()
    {
        var article = TestData.Extract("japanese-shift-jis-meta.html", contentType: "text/html");

        Assert.Equal(TestData.Expected("japanese-shift-jis-meta.expected.txt"), article.Text);
        Assert.Equal("ja", article.Language);
    }

    [Fact]
    public void Extract_prefers_the_http_header_over_meta_charset()
    {
        var html = "<html><head><meta charset=\"windows-1252\"></head><body><p>القاهرة — وصل الوفد إلى العاصمة صباح اليوم.</p></body></html>";
        var bytes = Encoding.GetEncoding(1256).GetBytes(html);

        var article = TestData.Extract(bytes, "text/html; charset=\"windows-1256\"");

        Assert.Equal("القاهرة — وصل الوفد إلى العاصمة صباح اليوم.", article.Text);
    }

    [Fact]
    public void Extract_prefers_the_byte_order_mark_over_header_and_meta()
    {
        var html = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Ünïcödé façade — naïve café in Zürich.</p></body></html>";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(html)).ToArray();

        var article = TestData.Extract(bytes, "text/html; charset=windows-1252");

        Assert.Equal("Ünïcödé façade — naïve café in Zürich.", article.Text);
    }

    [Fact]
    public void Extract_reads_utf8_when_nothing_declares_a_charset()
    {
        var bytes = Encoding.UTF8.GetBytes("<p>Grüße aus Köln — 東京 — תל אביב</p>");

        var article = TestData.Extract(bytes, contentType: null);

        Assert.Equal("Grüße aus Köln — 東京 — תל אביב", article.Text);
    }

    [Fact]
    public void Extract_falls_back_to_windows_1252_for_undeclared_non_utf8_bytes()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes("<p>Café crème in Paris, naïvely.</p>");

        var article = TestData.Extract(bytes, contentType: null);

        Assert.Equal("Café crème in Paris, naïvely.", article.Text);
    }

    [Fact]
    public void Extract_ignores_an_unknown_header_charset_and_uses_meta()
    {
        var html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\"></head><body><p>بيروت</p></body></html>";
        var bytes = Encoding.GetEncoding(1256).GetBytes(html);

        var article = TestData.Extract(bytes, "text/html; charset=x-no-such-charset");

        Assert.Equal("بيروت", article.Text);
    }
}
