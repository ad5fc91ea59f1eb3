using System.Text;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Tests.Domain;

/// <summary>
/// Issue 20, finding 8: every stored article's text is hashed three times (content hash, SimHash, the version's
/// digest). With a buffer the size of the text each time, a 5 MB page put 5-16 MB arrays on the large-object heap,
/// and the pooled ones stayed in the shared pool for the rest of the process (48 MB at the scrape's peak). Now none
/// of them allocates more than a few kilobytes, whatever the text's length.
/// </summary>
public class LargeTextHashMemoryTests
{
    private const long Bound = 64 * 1024;

    [Fact]
    public void Hashing_a_large_text_allocates_no_buffer_of_its_size()
    {
        // ASCII, so normalisation returns the text itself and only the hashing is measured.
        var text = new StringBuilder(4_200_000);
        for (var i = 0; text.Length < 4_000_000; i++)
        {
            text.Append("The minister said on Tuesday that talks on the border would resume. ").Append(i).Append('\n');
        }

        var large = text.ToString();
        // The one-off costs (type initialisers, the JIT) are paid on a short text first.
        var small = string.Join(' ', Enumerable.Repeat("warm up the hashes", 20));
        (ContentHash.Of(small), SimHash.Of(small), TextDigest.Of(small)).ToString();

        // Each on a thread of its own, so a buffer an earlier call left in its thread's pool slot is not reused
        // (reusing it would hide that the buffer exists at all).
        Assert.InRange(AllocatedBy(() => ContentHash.Of(large)), 0, Bound);
        Assert.InRange(AllocatedBy(() => SimHash.Of(large)), 0, Bound);
        Assert.InRange(AllocatedBy(() => TextDigest.Of(large)), 0, Bound);
    }

    private static long AllocatedBy(Func<object?> hash)
    {
        long allocated = 0;
        var thread = new Thread(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            GC.KeepAlive(hash());
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        });
        thread.Start();
        thread.Join();
        return allocated;
    }
}
