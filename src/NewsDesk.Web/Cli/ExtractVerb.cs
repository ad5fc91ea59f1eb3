using System.CommandLine;

using NewsDesk.Extraction.Batch;

namespace NewsDesk.Web.Cli;

/// <summary><c>extract --in DIR --out DIR</c>: run the article extractor over saved pages (no database needed).</summary>
public static class ExtractVerb
{
    public static Command Create()
    {
        var input = new Option<DirectoryInfo>("--in") { Description = "Folder of <id>.html pages.", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write <id>.json results to.", Required = true };
        var parallelism = new Option<int>("--parallelism")
        {
            Description = "Pages extracted at once (default: one per core).",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var parseOnly = new Option<bool>("--parse-only") { Description = "Only decode and parse the pages (benchmark floor); writes nothing." };
        var command = new Command("extract", "Extract article text and metadata from saved HTML pages into JSON files.")
        {
            input,
            output,
            parallelism,
            parseOnly,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var inDir = result.GetRequiredValue(input);
            if (!inDir.Exists)
            {
                await Console.Error.WriteLineAsync($"Input folder '{inDir.FullName}' does not exist.");
                return 2;
            }

            var summary = await BatchExtractor.RunAsync(inDir.FullName, result.GetRequiredValue(output).FullName,
                result.GetValue(parallelism), result.GetValue(parseOnly), cancellationToken);
            foreach (var (id, error) in summary.Failed)
            {
                await Console.Error.WriteLineAsync($"{id}: {error}");
            }

            await Console.Out.WriteLineAsync(
                $"{(result.GetValue(parseOnly) ? "Parsed" : "Extracted")} {summary.Extracted} page(s), {summary.Failed.Count} failed, in {summary.Elapsed.TotalSeconds:0.00} s.");
            return summary.Failed.Count == 0 ? 0 : 1;
        });
        return command;
    }
}
