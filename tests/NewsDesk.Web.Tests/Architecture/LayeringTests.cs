using NetArchTest.Rules;
using NewsDesk.Extraction;
using NewsDesk.Web.Data;

namespace NewsDesk.Web.Tests.Architecture;

/// <summary>
/// The seams the style guide promises, checked on the compiled assemblies: engine-specific code only under
/// <c>Data/Sqlite</c> and <c>Data/Postgres</c>, Domain and Extraction free of Web and Data, Data not depending on
/// Search (Search reads through Data, never the other way).
/// </summary>
public class LayeringTests
{
    private static readonly string[] _engineNamespaces =
        ["Microsoft.Data.Sqlite", "Microsoft.EntityFrameworkCore.Sqlite", "SQLitePCL", "Npgsql", "NpgsqlTypes", "NewsDesk.Web.Data.Sqlite", "NewsDesk.Web.Data.Postgres"];

    [Fact]
    public void Only_the_engine_folders_name_an_engine()
    {
        var result = Types.InAssembly(typeof(NewsDeskDbContext).Assembly)
            .That().DoNotResideInNamespace("NewsDesk.Web.Data.Sqlite")
            .And().DoNotResideInNamespace("NewsDesk.Web.Data.Postgres")
            // SQLite's migrations stay where they were made (their SQL comes from Data/Sqlite).
            .And().DoNotResideInNamespace("NewsDesk.Web.Data.Migrations")
            // The one place that picks the configured engine.
            .And().DoNotHaveName(nameof(StoreEngines))
            .ShouldNot().HaveDependencyOnAny(_engineNamespaces)
            .GetResult();

        Assert.True(result.IsSuccessful, Offenders(result));
    }

    [Fact]
    public void The_domain_depends_on_no_other_folder_of_the_app()
    {
        var result = Types.InAssembly(typeof(NewsDeskDbContext).Assembly)
            .That().ResideInNamespace("NewsDesk.Web.Domain")
            .ShouldNot().HaveDependencyOnAny(
                "NewsDesk.Web.Data", "NewsDesk.Web.Search", "NewsDesk.Web.Ingest", "NewsDesk.Web.Export", "NewsDesk.Web.Pages",
                "NewsDesk.Web.Auth", "NewsDesk.Web.Cli", "Microsoft.EntityFrameworkCore")
            .GetResult();

        Assert.True(result.IsSuccessful, Offenders(result));
    }

    [Fact]
    public void Extraction_knows_nothing_of_the_app_or_a_database()
    {
        var result = Types.InAssembly(typeof(ArticleExtractor).Assembly)
            .ShouldNot().HaveDependencyOnAny("NewsDesk.Web", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.Data.Sqlite", "Npgsql")
            .GetResult();

        Assert.True(result.IsSuccessful, Offenders(result));
    }

    [Fact]
    public void Data_does_not_depend_on_search()
    {
        var result = Types.InAssembly(typeof(NewsDeskDbContext).Assembly)
            .That().ResideInNamespace("NewsDesk.Web.Data")
            .ShouldNot().HaveDependencyOn("NewsDesk.Web.Search")
            .GetResult();

        Assert.True(result.IsSuccessful, Offenders(result));
    }

    private static string Offenders(TestResult result) =>
        "Offending types: " + string.Join(", ", result.FailingTypeNames ?? []);
}
