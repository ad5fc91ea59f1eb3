using System.Text;

using NewsDesk.Extraction.Decoding;

namespace NewsDesk.Extraction.Tests.Decoding;

public class NestingGuardTests
{
    [Fact]
    public void EstimateDepth_counts_nested_open_tags()
    {
        Assert.Equal(3, NestingGuard.EstimateDepth("<div><section><span>x</span></section></div>", 100));
    }

    [Fact]
    public void EstimateDepth_ignores_void_and_routinely_unclosed_tags()
    {
        var html = string.Concat(Enumerable.Repeat("<p>para<br><img src=x><li>item", 10_000));

        Assert.Equal(0, NestingGuard.EstimateDepth(html, 100));
    }

    [Fact]
    public void EstimateDepth_ignores_tags_inside_scripts_and_comments()
    {
        var html = "<script>var s = '<div><div><div>';</script><!-- <div><div> --><div>x</div>";

        Assert.Equal(1, NestingGuard.EstimateDepth(html, 100));
    }

    [Fact]
    public void EstimateDepth_stops_once_past_the_limit()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 100_000));

        Assert.Equal(11, NestingGuard.EstimateDepth(html, 10));
    }

    [Fact]
    public void EstimateDepth_of_bytes_decoded_a_chunk_at_a_time_is_the_estimate_of_the_whole_text()
    {
        // Chunks of a few characters cut every tag, comment, script and multi-byte character somewhere.
        var pages = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "testdata"), "*.html", SearchOption.AllDirectories)
            .Select(File.ReadAllBytes).ToList();
        foreach (var bytes in pages.Concat(Generated(400, seed: 20)))
        {
            var text = Encoding.UTF8.GetString(bytes);
            foreach (var limit in (ReadOnlySpan<int>)[3, 100])
            {
                var whole = NestingGuard.EstimateDepth(text, limit);
                foreach (var chunk in (ReadOnlySpan<int>)[4, 7, 61, NestingGuard.ChunkChars])
                {
                    Assert.Equal(whole, NestingGuard.EstimateDepth(bytes, Encoding.UTF8, limit, chunk));
                }
            }
        }
    }

    [Fact]
    public void EstimateDepth_of_bytes_reads_them_in_their_encoding()
    {
        var html = "<div><p>Ünïcödé</p><section><span>x</span></section></div>";
        var encoding = Encoding.GetEncoding("utf-16");

        Assert.Equal(NestingGuard.EstimateDepth(html, 100), NestingGuard.EstimateDepth(encoding.GetBytes(html), encoding, 100, 5));
        Assert.Equal(3, NestingGuard.EstimateDepth(encoding.GetBytes(html), encoding, 100, 5));
    }

    /// <summary>Random markup made of the pieces the guard reacts to, with multi-byte characters between them.</summary>
    private static IEnumerable<byte[]> Generated(int count, int seed)
    {
        string[] pieces = ["<div>", "</div>", "<DIV class=\"a\">", "<p>", "<br/>", "<span/>", "<script>", "</script>", "</SCRIPT >",
            "<style>", "</style>", "<!--", "-->", "<!-->", "<!doctype html>", "<", ">", "/", "!", "-", "</", "<1a>", "<a-b>",
            "text ", "é", "😀", "\n", "<title>", "</title>", "<textarea>", "</textarea>"];
        var random = new Random(seed);
        for (var k = 0; k < count; k++)
        {
            var html = new StringBuilder();
            for (var n = random.Next(1, 80); n > 0; n--)
            {
                html.Append(pieces[random.Next(pieces.Length)]);
            }

            yield return Encoding.UTF8.GetBytes(html.ToString());
        }
    }
}
