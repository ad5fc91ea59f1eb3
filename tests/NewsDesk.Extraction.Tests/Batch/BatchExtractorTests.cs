using System.Text.Json;

using NewsDesk.Extraction.Batch;

namespace NewsDesk.Extraction.Tests.Batch;

public sealed class BatchExtractorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("newsdesk-batch-").FullName;

    [Fact]
    public async Task RunAsync_writes_one_json_per_page_with_benchmark_field_names()
    {
        var inDir = Directory.CreateDirectory(Path.Combine(_root, "in")).FullName;
        var outDir = Path.Combine(_root, "out");
        File.Copy(TestData.PathOf("harbour-bridge.html"), Path.Combine(inDir, "bridge.html"));
        File.Copy(TestData.PathOf("icaro-proxy-militias.html"), Path.Combine(inDir, "icaro.html"));
        File.WriteAllText(Path.Combine(inDir, "deep.html"), string.Concat(Enumerable.Repeat("<div>", 10_000)));

        var summary = await BatchExtractor.RunAsync(inDir, outDir, degreeOfParallelism: 2, CancellationToken.None);

        Assert.Equal(2, summary.Extracted);
        Assert.Equal("deep", Assert.Single(summary.Failed).Id);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "bridge.json")));
        var root = json.RootElement;
        Assert.Equal(TestData.Expected("harbour-bridge.expected.txt"), root.GetProperty("articleBody").GetString());
        Assert.Equal("Harbour bridge reopens after two-year refit", root.GetProperty("headline").GetString());
        Assert.Equal("Maria Okafor, Tom Lindqvist", root.GetProperty("author").GetString());
        Assert.Equal("2024-03-05T08:30:00+01:00", root.GetProperty("datePublished").GetString());
        Assert.True(File.Exists(Path.Combine(outDir, "icaro.json")));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
