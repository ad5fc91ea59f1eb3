using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Cli;

[Trait(TestStore.EngineTrait, TestStore.FixedEngine)]
public class VerbTests
{
    [Fact]
    public async Task Migrate_creates_a_migrated_database_and_exits_zero()
    {
        var path = Path.Combine(TestDirectory.Create(), "verb.db");

        var result = await AppProcess.RunAsync(["migrate", AppProcess.Database(path)]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Matches("Database is at migration [0-9]{14}_[A-Za-z]+", result.Output);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task Import_seeds_twice_adds_the_model_article_once()
    {
        var path = Path.Combine(TestDirectory.Create(), "seeds.db");

        var first = await AppProcess.RunAsync(["import-seeds", AppProcess.Database(path)]);
        var second = await AppProcess.RunAsync(["import-seeds", AppProcess.Database(path)]);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("Imported 1 seed article(s).", first.Output, StringComparison.Ordinal);
        Assert.Contains("Imported 0 seed article(s).", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_verb_is_refused_with_exit_code_2()
    {
        var result = await AppProcess.RunAsync(["frobnicate"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown verb 'frobnicate'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_on_a_file_that_is_not_SQLite_fails_naming_the_file()
    {
        var path = Path.Combine(TestDirectory.Create(), "notes.db");
        await File.WriteAllTextAsync(path, "not a database");

        var result = await AppProcess.RunAsync(["migrate", AppProcess.Database(path)]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(path, result.Error, StringComparison.Ordinal);
        Assert.Equal("not a database", await File.ReadAllTextAsync(path));
    }
}
