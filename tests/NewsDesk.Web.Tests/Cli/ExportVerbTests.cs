using NewsDesk.Web.Export;
using NewsDesk.Web.Tests.Export;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Cli;

/// <summary>The export verb's own options (the filters are checked against the page in ExportPageTests).</summary>
public class ExportVerbTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    [Fact]
    public async Task The_file_option_writes_only_the_files_asked_for()
    {
        var s = await ExportScenario.CreateAsync(factory);
        var folder = TestDirectory.Create("newsdesk-export");

        var result = await AppProcess.RunAsync(["export", "--out", folder, "--collection", s.Collection.Name, "--file", "claims.csv", "--file", "MENTIONS.csv", .. factory.StoreArguments]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(["claims.csv", "mentions.csv"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var expected = await factory.ExportAsync(new ExportSelection { CollectionId = s.Collection.Id });
        Assert.Equal(expected["mentions.csv"], await File.ReadAllBytesAsync(Path.Combine(folder, "mentions.csv")));
        Assert.Contains("mentions.csv\t9 row(s)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_file_name_is_refused_and_nothing_is_written()
    {
        var folder = TestDirectory.Create("newsdesk-export");

        var result = await AppProcess.RunAsync(["export", "--out", folder, "--file", "secrets.csv", .. factory.StoreArguments]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--file 'secrets.csv' is not an exported file", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public async Task Mentioned_only_leaves_out_the_records_no_article_mentions()
    {
        var unmentioned = new Web.Domain.Incident { Title = $"Never mentioned {Guid.NewGuid():N}" };
        await factory.InsertAsync(unmentioned);
        var all = TestDirectory.Create("newsdesk-export");
        var mentioned = TestDirectory.Create("newsdesk-export");

        var withAll = await AppProcess.RunAsync(["export", "--out", all, "--file", "incidents.csv", .. factory.StoreArguments]);
        var withMentioned = await AppProcess.RunAsync(["export", "--out", mentioned, "--file", "incidents.csv", "--mentioned-only", .. factory.StoreArguments]);

        Assert.True(withAll.ExitCode == 0 && withMentioned.ExitCode == 0, withAll.Error + withMentioned.Error);
        Assert.Contains(unmentioned.Title, await File.ReadAllTextAsync(Path.Combine(all, "incidents.csv")), StringComparison.Ordinal);
        Assert.DoesNotContain(unmentioned.Title, await File.ReadAllTextAsync(Path.Combine(mentioned, "incidents.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_out_or_zip_the_verb_says_what_it_needs()
    {
        var result = await AppProcess.RunAsync(["export", .. factory.StoreArguments]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Give --out DIR", result.Error, StringComparison.Ordinal);
    }
}
