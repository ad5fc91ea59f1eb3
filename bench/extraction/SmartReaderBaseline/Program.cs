using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;

using SmartReader;

// smartreader-baseline IN_DIR OUT_DIR [--parse-only]
// Extracts every <id>.html single-threaded, as a SmartReader user would, and writes <id>.json for score.py.
// --parse-only parses each page with AngleSharp and nothing else, to separate parse time from extraction time.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: SmartReaderBaseline IN_DIR OUT_DIR [--parse-only]");
    return 2;
}

var parseOnly = args.Contains("--parse-only");
Directory.CreateDirectory(args[1]);
var json = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
var stopwatch = Stopwatch.StartNew();
var count = 0;
foreach (var file in Directory.GetFiles(args[0], "*.html").Order(StringComparer.Ordinal))
{
    var id = Path.GetFileNameWithoutExtension(file);
    if (parseOnly)
    {
        using var stream = File.OpenRead(file);
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(stream);
        count += document.All.Length > 0 ? 1 : 0;
        continue;
    }

    using (var stream = File.OpenRead(file))
    {
        var article = new Reader($"https://example.invalid/{id}", stream).GetArticle();
        var record = new Dictionary<string, string?>
        {
            ["articleBody"] = article.TextContent,
            ["headline"] = article.Title,
            ["author"] = article.Author ?? article.Byline,
            ["datePublished"] = article.PublicationDate?.ToString("o"),
        };
        File.WriteAllText(Path.Combine(args[1], id + ".json"), JsonSerializer.Serialize(record, json));
    }

    count++;
}

Console.WriteLine($"{(parseOnly ? "Parsed" : "Extracted")} {count} page(s) in {stopwatch.Elapsed.TotalSeconds:0.00} s.");
return 0;