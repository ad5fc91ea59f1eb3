using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Web.Evidence;
using NewsDesk.Web.Ingest.Http;
using NewsDesk.Web.Tests.Ingest;

namespace NewsDesk.Web.Tests.Evidence;

/// <summary>
/// A capture compresses the response as it writes it: the body is the largest thing the scraper holds, and copying
/// it into the record's block and again into the record's bytes cost two more copies of a page per capture.
/// </summary>
public class CaptureMemoryTests(IngestFactory factory) : IClassFixture<IngestFactory>
{
    private const int BodyBytes = 4 * 1024 * 1024;

    [Fact]
    public async Task Recording_a_large_response_allocates_less_than_one_copy_of_its_body()
    {
        var recorder = factory.Services.GetRequiredService<CaptureRecorder>();
        // Text compresses well, so the gzip member itself is small: what is left is any copy of the body.
        var body = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<p>A paragraph of a long page, repeated.</p>\n", BodyBytes / 46)));
        // The first capture opens the WARC file; the second is measured (it runs on this thread from start to end).
        Assert.NotNull((await recorder.RecordAsync(FetchedResponses.Html("https://memory.example/first", body), CancellationToken.None)).Capture);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var outcome = await recorder.RecordAsync(FetchedResponses.Html("https://memory.example/large", body), CancellationToken.None);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.NotNull(outcome.Capture);
        Assert.Equal(body.Length, outcome.Capture.PayloadLength);
        Assert.True(allocated < body.Length, $"recording a {body.Length:N0}-byte body allocated {allocated:N0} bytes");
    }
}
