using System.Diagnostics.Tracing;
using System.Text;

namespace NewsDesk.Extraction.Tests;

/// <summary>
/// Runs alone: the runtime's allocation events are the process's, so another test's large objects would count.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ExtractorMemoryCollection
{
    public const string Name = "Extractor memory";
}

/// <summary>
/// Issue 20, finding 8: a 5 MB page's extraction held the page decoded into one string and AngleSharp's copy of that
/// string in its text source (20 MB on the large-object heap for the whole extraction), and every paragraph's text
/// twice (as text and as HTML). A page in bytes is now parsed from the bytes (AngleSharp's streaming source) and a
/// paragraph without markup is one string.
/// </summary>
[Collection(ExtractorMemoryCollection.Name)]
public class ArticleExtractorMemoryTests
{
    [Fact]
    public void A_page_parsed_from_its_bytes_is_never_made_into_a_string_or_a_character_buffer_of_its_size()
    {
        var page = new StringBuilder("<!DOCTYPE html><html><head><title>Talks resume</title></head><body><article>");
        for (var i = 0; page.Length < 2_000_000; i++)
        {
            page.Append("<p>The minister said on Tuesday that talks on the border would resume. ").Append(i).Append("</p>\n");
        }

        var bytes = Encoding.UTF8.GetBytes(page.Append("</article></body></html>").ToString());
        var extractor = new ArticleExtractor();
        GC.KeepAlive(extractor.ParseBytes(bytes[..10_000], "text/html; charset=utf-8")); // type initialisers, the JIT

        using var ticks = new LargeAllocations();
        var document = ticks.During(() => extractor.ParseBytes(bytes, "text/html; charset=utf-8"));

        Assert.True(document.Body!.TextContent.Length > 1_000_000);
        // Before: the decoded page (a 4 MB string) and AngleSharp's copy of it in its text source (a 4 MB char[]).
        Assert.DoesNotContain(ticks.Seen, t => t.Type is "System.String" or "System.Char[]" && t.Size >= bytes.Length);
    }

    [Fact]
    public void A_paragraph_without_markup_is_one_string_for_its_text_and_its_HTML()
    {
        var html = "<html><body><article><h1>Talks resume</h1>"
            + "<p>The minister said on Tuesday that talks on the border would resume next week, officials confirmed.</p>"
            + "<p>Officials in the capital said the <a href=\"/talks\">talks</a> would be held at the border crossing.</p>"
            + "<p>Observers said the ceasefire had held since the agreement was signed, despite reports of shelling.</p>"
            + "</article></body></html>";

        var blocks = new ArticleExtractor().Analyse(html, TestData.PageUrl).Blocks;

        var plain = blocks.Single(b => b.Text.StartsWith("The minister", StringComparison.Ordinal));
        Assert.Same(plain.Text, plain.InlineHtml);
        var linked = blocks.Single(b => b.Text.StartsWith("Officials", StringComparison.Ordinal));
        Assert.Equal("Officials in the capital said the <a href=\"https://news.example/talks\">talks</a> would be held at the border crossing.", linked.InlineHtml);
    }

    [Fact]
    public void A_page_extracted_from_its_bytes_is_the_article_its_decoded_text_gives()
    {
        // The streaming source must build the same document as the string: every test page, whatever its charset.
        var pages = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "testdata"), "*.html", SearchOption.AllDirectories).ToList();
        Assert.True(pages.Count >= 30, $"only {pages.Count} test pages found");
        var extractor = new ArticleExtractor();
        foreach (var page in pages)
        {
            var bytes = File.ReadAllBytes(page);
            var fromBytes = Outcome(() => extractor.Extract(new ReadOnlyMemory<byte>(bytes), null, TestData.PageUrl));
            var fromText = Outcome(() => extractor.Extract(ArticleExtractor.Decode(bytes, null), TestData.PageUrl));

            Assert.Equal((Path.GetFileName(page), fromText), (Path.GetFileName(page), fromBytes));
        }
    }

    [Theory]
    [InlineData("text/html; charset=utf-8", "windows-1251")]
    [InlineData("text/html; charset=windows-1251", "utf-8")]
    [InlineData(null, "koi8-r")]
    public void The_charset_chosen_for_the_bytes_is_final_whatever_the_page_s_meta_says(string? contentType, string meta)
    {
        // AngleSharp's streaming source switches encoding on a <meta charset> unless told its encoding is certain; the
        // extractor decides the charset itself (BOM, then HTTP, then meta), and the bytes must be read that way.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var encoding = contentType is null ? Encoding.GetEncoding(meta) : Encoding.GetEncoding(contentType.Split('=')[1]);
        var html = $"<html><head><meta charset=\"{meta}\"><title>Переговоры возобновятся</title></head><body><article>"
            + string.Concat(Enumerable.Repeat("<p>Министр заявил во вторник, что переговоры о границе возобновятся на следующей неделе.</p>", 5))
            + "</article></body></html>";
        var bytes = encoding.GetBytes(html);
        var extractor = new ArticleExtractor();

        var fromBytes = extractor.Extract(new ReadOnlyMemory<byte>(bytes), contentType, TestData.PageUrl);
        var fromText = extractor.Extract(ArticleExtractor.Decode(bytes, contentType), TestData.PageUrl);

        Assert.Equal(fromText, fromBytes);
        Assert.Equal("Переговоры возобновятся", fromBytes.Title);
    }

    /// <summary>The article, or the refusal (a page nested too deep is refused by both paths alike).</summary>
    private static object Outcome(Func<ExtractedArticle> extract)
    {
        try
        {
            return extract();
        }
        catch (ExtractionException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>
    /// The runtime's allocation-tick events: every object over 100 KB is reported with its type and size (the tick
    /// fires each 100 KB allocated, with the object that crossed it). Events arrive on another thread, so a marker
    /// array of a size used once is allocated after the work and awaited: everything before it has arrived.
    /// </summary>
    private sealed class LargeAllocations : EventListener
    {
        private const int MarkerBytes = 3_333_331;
        private readonly List<(string Type, long Size)> _seen = [];
        private readonly ManualResetEventSlim _marker = new();
        private long _markerSize;
        private int _phase;
        private bool _recording;

        public List<(string Type, long Size)> Seen
        {
            get
            {
                lock (_seen)
                {
                    return [.. _seen];
                }
            }
        }

        public T During<T>(Func<T> work)
        {
            // Wait until the listener is live: a first marker must come through before the work starts.
            AwaitMarker();
            lock (_seen)
            {
                _seen.Clear();
                _recording = true;
            }

            var result = work();
            AwaitMarker();
            lock (_seen)
            {
                _recording = false;
            }

            return result;
        }

        public override void Dispose()
        {
            base.Dispose();
            _marker.Dispose();
        }

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.PayloadNames is null)
            {
                return;
            }

            var type = e.Payload![e.PayloadNames.IndexOf("TypeName")] as string ?? "";
            var size = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("ObjectSize")], System.Globalization.CultureInfo.InvariantCulture);
            if (type == "System.Byte[]" && size >= MarkerBytes)
            {
                // A marker: this phase's, or a late one of the phase before, which is never recorded either.
                if (size - Interlocked.Read(ref _markerSize) is >= 0 and < 64)
                {
                    _marker.Set();
                }

                return;
            }

            lock (_seen)
            {
                if (_recording)
                {
                    _seen.Add((type, size));
                }
            }
        }

        private void AwaitMarker()
        {
            _marker.Reset();
            var size = MarkerBytes + (1024 * ++_phase);
            Interlocked.Exchange(ref _markerSize, size);
            for (var attempt = 0; attempt < 600 && !_marker.IsSet; attempt++)
            {
                GC.KeepAlive(new byte[size]);
                _marker.Wait(100);
            }

            Assert.True(_marker.IsSet, "the runtime's allocation events never arrived");
        }
    }
}
