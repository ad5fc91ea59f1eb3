using System.IO.Compression;
using System.Net;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Export;
using NewsDesk.Web.Tests.Export;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Pages.Export;

public class ExportPageTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    [Fact]
    public async Task Export_page_shows_each_file_s_row_count_for_the_chosen_collection()
    {
        var s = await ExportScenario.CreateAsync(factory);

        var page = await factory.CreateClient().GetDocumentAsync($"/export?collection={s.Collection.Id}");

        var counts = page.QuerySelectorAll(".export-counts tr[data-file]")
            .ToDictionary(tr => tr.GetAttribute("data-file")!, tr => tr.QuerySelector(".row-count")!.TextContent);
        Assert.Equal(new Dictionary<string, string>
        {
            ["articles.csv"] = "3",
            ["mentions.csv"] = "9",
            ["actors.csv"] = "4", // the two mentioned, and the incidents' target and Kataib's backer that come with them
            ["incidents.csv"] = "2",
            ["claims.csv"] = "2",
            ["claims.jsonld"] = "2",
            ["incidents.geojson"] = "2",
        }, counts);
        Assert.Equal(s.Collection.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            page.QuerySelector("#collection option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_page_s_mentioned_only_box_leaves_out_records_no_article_mentions_from_the_files_and_the_counts()
    {
        var unmentioned = new Incident { Title = $"Coded from a report, never tagged {Guid.NewGuid():N}" };
        await factory.InsertAsync(unmentioned);
        var client = factory.CreateClient();

        var all = CsvFiles.Read(await client.GetByteArrayAsync("/export?handler=File&name=incidents.csv")).Rows;
        var mentioned = CsvFiles.Read(await client.GetByteArrayAsync("/export?handler=File&name=incidents.csv&mentioned=true")).Rows;
        var page = await client.GetDocumentAsync("/export?mentioned=true");
        var whole = await client.GetDocumentAsync("/export");

        Assert.Contains(unmentioned.Title, all.Select(r => r["title"]));
        Assert.DoesNotContain(unmentioned.Title, mentioned.Select(r => r["title"]));
        Assert.NotEmpty(mentioned);
        Assert.True(page.QuerySelector("input#mentioned")!.HasAttribute("checked"));
        static string Count(AngleSharp.Html.Dom.IHtmlDocument d) => d.QuerySelector(".export-counts tr[data-file='incidents.csv'] .row-count")!.TextContent;
        Assert.Equal((all.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), mentioned.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)), (Count(whole), Count(page)));
    }

    [Fact]
    public async Task The_ZIP_holds_the_five_files_the_service_writes()
    {
        var s = await ExportScenario.CreateAsync(factory);
        var client = factory.CreateClient();
        var page = await client.GetDocumentAsync($"/export?collection={s.Collection.Id}&type=Actor&type=Claim");

        var response = await client.GetAsync(page.QuerySelector("a.download-zip")!.GetAttribute("href"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("attachment", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        var entries = await ReadZipAsync(await response.Content.ReadAsStreamAsync());
        var expected = await factory.ExportAsync(new ExportSelection { CollectionId = s.Collection.Id, RecordTypes = [Web.Domain.RecordType.Actor, Web.Domain.RecordType.Claim] });
        Assert.Equal(ExportService.Files.Select(t => t.FileName), entries.Keys);
        foreach (var (name, bytes) in expected)
        {
            Assert.Equal(bytes, entries[name]);
        }
    }

    [Fact]
    public async Task An_unknown_file_name_is_not_found()
    {
        var response = await factory.CreateClient().GetAsync("/export?handler=File&name=secrets.csv");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_page_and_the_export_verb_write_identical_files()
    {
        var s = await ExportScenario.CreateAsync(factory);
        var folder = Path.Combine(TestDirectory.Create("newsdesk-export"), "out");
        var zip = Path.Combine(TestDirectory.Create("newsdesk-export"), "set.zip");
        var client = factory.CreateClient();

        var toFolder = await AppProcess.RunAsync(["export", "--out", folder, "--collection", s.Collection.Name, "--from", "2024-07-01", .. factory.StoreArguments]);
        var toZip = await AppProcess.RunAsync(["export", "--zip", zip, "--collection", s.Collection.Name, "--from", "2024-07-01", .. factory.StoreArguments]);
        var pageZip = await ReadZipAsync(await client.GetStreamAsync($"/export?handler=Zip&collection={s.Collection.Id}&from=2024-07-01"));

        Assert.True(toFolder.ExitCode == 0, toFolder.Error);
        Assert.True(toZip.ExitCode == 0, toZip.Error);
        Assert.Contains("mentions.csv\t9 row(s)", toFolder.Output, StringComparison.Ordinal);
        await using var zipFile = File.OpenRead(zip);
        var verbZip = await ReadZipAsync(zipFile);
        foreach (var table in ExportService.Files)
        {
            var fromPage = await client.GetByteArrayAsync($"/export?handler=File&name={table.FileName}&collection={s.Collection.Id}&from=2024-07-01");
            var fromVerb = await File.ReadAllBytesAsync(Path.Combine(folder, table.FileName));
            Assert.Equal(fromVerb, fromPage);
            Assert.Equal(fromVerb, pageZip[table.FileName]);
            Assert.Equal(fromVerb, verbZip[table.FileName]);
        }
    }

    [Fact]
    public async Task The_export_verb_leaves_out_the_byte_order_mark_when_asked()
    {
        var s = await ExportScenario.CreateAsync(factory);
        var folder = TestDirectory.Create("newsdesk-export");

        var result = await AppProcess.RunAsync(["export", "--out", folder, "--collection", s.Collection.Name, "--no-bom", .. factory.StoreArguments]);

        Assert.True(result.ExitCode == 0, result.Error);
        var bytes = await File.ReadAllBytesAsync(Path.Combine(folder, "articles.csv"));
        Assert.Equal("id,url,"u8.ToArray(), bytes[..7]);
    }

    [Fact]
    public async Task The_export_verb_refuses_an_unknown_collection_and_a_bad_date()
    {
        var folder = TestDirectory.Create("newsdesk-export");

        var unknown = await AppProcess.RunAsync(["export", "--out", folder, "--collection", "No such collection", .. factory.StoreArguments]);
        var badDate = await AppProcess.RunAsync(["export", "--out", folder, "--from", "27/07/2024", .. factory.StoreArguments]);

        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("No collection is named 'No such collection'", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(2, badDate.ExitCode);
        Assert.Contains("--from '27/07/2024' is not a date", badDate.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Theory]
    [InlineData("--to")]
    [InlineData("--source")]
    [InlineData("--actor")]
    [InlineData("--incident")]
    [InlineData("--assessment")]
    [InlineData("--type")]
    [InlineData("--include-text")]
    public async Task The_export_verb_applies_each_filter_option_like_the_page(string option)
    {
        var s = await ExportScenario.CreateAsync(factory);
        var whole = new ExportSelection { CollectionId = s.Collection.Id };
        var format = new ExportFormat();
        var (value, selection) = option switch
        {
            "--to" => ("2024-07-28", whole with { To = new DateOnly(2024, 7, 28) }),
            "--source" => (Id(s.Daily.Id), whole with { SourceIds = [s.Daily.Id] }),
            "--actor" => (Id(s.Irna.Id), whole with { ActorIds = [s.Irna.Id] }),
            "--incident" => (Id(s.Jordan.Id), whole with { IncidentIds = [s.Jordan.Id] }),
            "--assessment" => ("Disputed", whole with { Assessments = [ClaimAssessment.Disputed] }),
            "--type" => ("Claim", whole with { RecordTypes = [RecordType.Claim] }),
            _ => (null, whole),
        };
        if (option == "--include-text")
        {
            format = new ExportFormat(IncludeArticleText: true);
        }

        var folder = TestDirectory.Create("newsdesk-export");
        string[] args = value is null ? [option] : [option, value];
        var result = await AppProcess.RunAsync(["export", "--out", folder, "--collection", s.Collection.Name, .. args, .. factory.StoreArguments]);

        Assert.True(result.ExitCode == 0, result.Error);
        var expected = await factory.ExportAsync(selection, format);
        var unfiltered = await factory.ExportAsync(whole);
        foreach (var table in ExportService.Tables)
        {
            Assert.Equal(expected[table.FileName], await File.ReadAllBytesAsync(Path.Combine(folder, table.FileName)));
        }

        // The option changed something, so the comparison above proves it was applied.
        Assert.Contains(ExportService.Tables, t => !expected[t.FileName].AsSpan().SequenceEqual(unfiltered[t.FileName]));
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<Dictionary<string, byte[]>> ReadZipAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        copy.Position = 0;
        using var archive = new ZipArchive(copy, ZipArchiveMode.Read);
        var entries = new Dictionary<string, byte[]>();
        foreach (var entry in archive.Entries)
        {
            await using var content = entry.Open();
            using var bytes = new MemoryStream();
            await content.CopyToAsync(bytes);
            entries[entry.FullName] = bytes.ToArray();
        }

        return entries;
    }
}
