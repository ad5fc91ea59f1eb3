using System.Text;
using NewsDesk.Extraction.Feeds.Xml;

namespace NewsDesk.Extraction.Tests.Feeds.Xml;

public class XmlTextDecoderTests
{
    static XmlTextDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void A_byte_order_mark_wins_over_the_HTTP_charset_and_the_declaration()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"koi8-r\"?><a>é</a>")).ToArray();

        var decoded = XmlTextDecoder.Decode(bytes, "text/xml; charset=windows-1251");

        Assert.Contains("<a>é</a>", decoded.Text, StringComparison.Ordinal);
        Assert.Equal("byte-order mark", decoded.ChosenBy);
    }

    [Fact]
    public void The_HTTP_charset_wins_over_the_declaration()
    {
        var bytes = Encoding.GetEncoding("koi8-r").GetBytes("<?xml version=\"1.0\" encoding=\"windows-1251\"?><a>Привет</a>");

        var decoded = XmlTextDecoder.Decode(bytes, "application/xml; charset=koi8-r");

        Assert.Contains("Привет", decoded.Text, StringComparison.Ordinal);
        Assert.Equal("HTTP charset", decoded.ChosenBy);
    }

    [Theory]
    [InlineData("windows-1256", "مرحبا")]
    [InlineData("shift_jis", "ニュース")]
    [InlineData("gb2312", "新闻")]
    [InlineData("koi8-r", "Новости")]
    public void The_XML_declaration_decides_without_a_BOM_or_charset(string encoding, string text)
    {
        var bytes = Encoding.GetEncoding(encoding).GetBytes($"<?xml version=\"1.0\" encoding=\"{encoding}\"?><a>{text}</a>");

        var decoded = XmlTextDecoder.Decode(bytes, "application/xml");

        Assert.Contains(text, decoded.Text, StringComparison.Ordinal);
        Assert.Equal("XML declaration", decoded.ChosenBy);
    }

    [Fact]
    public void A_declaration_of_UTF_8_on_bytes_that_are_not_falls_back_to_windows_1252()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?><a>café</a>");

        var decoded = XmlTextDecoder.Decode(bytes, null);

        Assert.Contains("café", decoded.Text, StringComparison.Ordinal);
        Assert.StartsWith("sniffed", decoded.ChosenBy, StringComparison.Ordinal);
    }

    [Fact]
    public void UTF_16_without_a_BOM_is_recognised_by_its_zero_bytes()
    {
        var decoded = XmlTextDecoder.Decode(Encoding.Unicode.GetBytes("<?xml version=\"1.0\"?><a>ü</a>"), null);

        Assert.Contains("<a>ü</a>", decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_UTF_16_label_on_ASCII_bytes_is_read_as_UTF_8()
    {
        var decoded = XmlTextDecoder.Decode(Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"utf-16\"?><a>ü</a>"), null);

        Assert.Contains("<a>ü</a>", decoded.Text, StringComparison.Ordinal);
    }
}
