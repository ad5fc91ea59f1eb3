using System.CommandLine;
using System.Globalization;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Export;

namespace NewsDesk.Web.Cli;

/// <summary>
/// <c>export</c>: write a selection's files (five CSV tables, claims.jsonld, incidents.geojson) into a folder (or one ZIP), with the same service and bytes
/// as the /export page.
/// </summary>
public static class ExportVerb
{
    public static Command Create()
    {
        var output = new Option<string?>("--out") { Description = "Folder to write the files into (created if missing)." };
        var zip = new Option<string?>("--zip") { Description = "Write one ZIP file with all the files instead of a folder." };
        var collection = new Option<string?>("--collection") { Description = "Only the articles of this collection (its exact name)." };
        var from = new Option<string?>("--from") { Description = "Only articles published on or after this day (yyyy-MM-dd)." };
        var to = new Option<string?>("--to") { Description = "Only articles published on or before this day (yyyy-MM-dd)." };
        var sources = new Option<int[]>("--source") { Description = "Only articles of this source id (repeatable)." };
        var actors = new Option<int[]>("--actor") { Description = "Only mentions of this actor id (repeatable)." };
        var incidents = new Option<int[]>("--incident") { Description = "Only mentions of this incident id (repeatable)." };
        var assessments = new Option<ClaimAssessment[]>("--assessment") { Description = "Only mentions of claims so assessed (repeatable)." };
        var types = new Option<RecordType[]>("--type") { Description = "Only mentions of this record type: Actor, Incident, Claim (repeatable)." };
        var noBom = new Option<bool>("--no-bom") { Description = "Write UTF-8 without a byte-order mark." };
        var includeText = new Option<bool>("--include-text") { Description = "Add each article's full text to articles.csv." };
        var mentionedOnly = new Option<bool>("--mentioned-only") { Description = "Leave out records no article mentions." };
        var evidence = new Option<bool>("--evidence") { Description = "With --zip: an evidence bundle (CSV files, the articles' WARC captures, manifest.json, SHA256SUMS)." };
        var files = new Option<string[]>("--file") { Description = "Write only this file, e.g. mentions.csv or claims.jsonld (repeatable; default: all seven)." };

        var command = new Command("export", "Export annotated articles as CSV files (articles, mentions, actors, incidents, claims), ClaimReview JSON-LD and GeoJSON.")
        {
            output, zip, collection, from, to, sources, actors, incidents, assessments, types, mentionedOnly, noBom, includeText, files, evidence,
        };
        command.SetAction((result, cancellationToken) => VerbHost.RunAsync(result, async (services, stdout, ct) =>
        {
            var outDirectory = result.GetValue(output);
            var zipFile = result.GetValue(zip);
            if (string.IsNullOrWhiteSpace(outDirectory) && string.IsNullOrWhiteSpace(zipFile))
            {
                await Console.Error.WriteLineAsync("Give --out DIR (a folder for the files) or --zip FILE.");
                return 2;
            }

            if (!TryParseDay(result.GetValue(from), "--from", out var fromDay) || !TryParseDay(result.GetValue(to), "--to", out var toDay))
            {
                return 2;
            }

            var tables = new List<IExportFile>();
            foreach (var fileName in result.GetValue(files) ?? [])
            {
                if (ExportService.FindFile(fileName) is not { } table)
                {
                    await Console.Error.WriteLineAsync(
                        $"--file '{fileName}' is not an exported file: use {string.Join(", ", ExportService.Files.Select(t => t.FileName))}.");
                    return 2;
                }

                tables.Add(table);
            }

            var export = services.GetRequiredService<ExportService>();
            int? collectionId = null;
            if (result.GetValue(collection) is { Length: > 0 } name)
            {
                collectionId = await export.FindCollectionIdAsync(name, ct);
                if (collectionId is null)
                {
                    await Console.Error.WriteLineAsync($"No collection is named '{name}'.");
                    return 1;
                }
            }

            var selection = new ExportSelection
            {
                CollectionId = collectionId,
                From = fromDay,
                To = toDay,
                SourceIds = result.GetValue(sources) ?? [],
                ActorIds = result.GetValue(actors) ?? [],
                IncidentIds = result.GetValue(incidents) ?? [],
                Assessments = result.GetValue(assessments) ?? [],
                RecordTypes = result.GetValue(types) ?? [],
                MentionedOnly = result.GetValue(mentionedOnly),
            };
            var format = new ExportFormat(ByteOrderMark: !result.GetValue(noBom), IncludeArticleText: result.GetValue(includeText));

            if (result.GetValue(evidence))
            {
                if (string.IsNullOrWhiteSpace(zipFile))
                {
                    await Console.Error.WriteLineAsync("--evidence writes one ZIP: give --zip FILE.");
                    return 2;
                }

                var bundlePath = Path.GetFullPath(zipFile);
                Directory.CreateDirectory(Path.GetDirectoryName(bundlePath)!);
                await using var bundle = new FileStream(bundlePath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
                var count = await services.GetRequiredService<EvidenceBundleWriter>().WriteAsync(selection, format, Data.Auditing.CurrentActor.Cli, bundle, ct);
                await stdout.WriteLineAsync($"{bundlePath}	{count} file(s) with manifest.json and SHA256SUMS");
                return 0;
            }

            if (!string.IsNullOrWhiteSpace(zipFile))
            {
                var path = Path.GetFullPath(zipFile);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await using var file = ExportService.CreateLocalFile(path);
                var entries = await export.WriteZipAsync(selection, format, file, ct, tables, synchronous: true);
                foreach (var (fileName, rows) in entries)
                {
                    await stdout.WriteLineAsync($"{path}:{fileName}\t{rows} row(s)");
                }

                return 0;
            }

            var written = await export.WriteDirectoryAsync(selection, format, Path.GetFullPath(outDirectory!), ct, tables);
            foreach (var (path, rows) in written)
            {
                await stdout.WriteLineAsync($"{path}\t{rows} row(s)");
            }

            return 0;
        }, cancellationToken));
        return command;
    }

    private static bool TryParseDay(string? text, string option, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            day = parsed;
            return true;
        }

        Console.Error.WriteLine($"{option} '{text}' is not a date: use yyyy-MM-dd, e.g. 2024-07-27.");
        return false;
    }
}
