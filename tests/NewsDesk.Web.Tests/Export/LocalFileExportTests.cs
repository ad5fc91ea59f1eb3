using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Web.Export;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Export;

/// <summary>
/// Exports to a local file (the verb's folder and ZIP, the evidence bundle's entries) write synchronously: on Linux
/// each asynchronous file write is a thread-pool hop, which a busy machine makes wait (bench/README.md, "Export").
/// </summary>
public class LocalFileExportTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    [Fact]
    public void A_local_export_file_is_opened_for_synchronous_writes()
    {
        using var file = ExportService.CreateLocalFile(Path.Combine(TestDirectory.Create(), "mentions.csv"));

        Assert.False(file.IsAsync);
    }

    [Theory]
    [InlineData("mentions.csv")]
    [InlineData("incidents.csv")]
    public async Task A_table_written_synchronously_has_the_same_bytes_and_never_writes_asynchronously(string fileName)
    {
        await ExportScenario.CreateAsync(factory);
        await using var services = factory.Services.CreateAsyncScope();
        var export = services.ServiceProvider.GetRequiredService<ExportService>();
        var scope = await export.ScopeAsync(new ExportSelection(), CancellationToken.None);
        var table = ExportService.FindFile(fileName)!;

        var asynchronous = new MemoryStream();
        await export.WriteFileAsync(table, scope, new ExportFormat(), asynchronous, synchronous: false, CancellationToken.None);
        var synchronous = new SynchronousOnlyStream();
        await export.WriteFileAsync(table, scope, new ExportFormat(), synchronous, synchronous: true, CancellationToken.None);

        Assert.True(synchronous.Length > 1000);
        Assert.Equal(asynchronous.ToArray(), synchronous.ToArray());
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            export.WriteFileAsync(table, scope, new ExportFormat(), new SynchronousOnlyStream(), synchronous: false, CancellationToken.None));
    }

    /// <summary>A stream that refuses asynchronous writes, to show none is made.</summary>
    private sealed class SynchronousOnlyStream : MemoryStream
    {
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("asynchronous write");

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("asynchronous write");

        public override Task FlushAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("asynchronous flush");
    }
}
