using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsDesk.Web.Data;
using NewsDesk.Web.Export;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Export;

/// <summary>
/// What closing a selection asks of the database (bench/README.md, "Export"): nothing for a file that lists no
/// records, and the selection's mentions read once, starting from the chosen articles' ids.
/// </summary>
public partial class ExportScopeQueriesTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    private static readonly ExportSelection _oneDay = new() { From = new DateOnly(2024, 7, 29), To = new DateOnly(2024, 7, 29) };

    [Theory]
    [InlineData("mentions.csv")]
    [InlineData("articles.csv")]
    public async Task A_file_that_lists_no_records_is_written_without_closing_the_records(string fileName)
    {
        await ExportScenario.CreateAsync(factory);

        var commands = await RecordCommandsAsync(async export =>
            await export.WriteFileAsync(ExportService.FindFile(fileName)!, _oneDay, new ExportFormat(), Stream.Null, CancellationToken.None));

        Assert.NotEmpty(commands);
        Assert.DoesNotContain(commands, c => c.Contains("\"ActorAffiliations\"", StringComparison.Ordinal));
        Assert.DoesNotContain(commands, c => c.Contains("\"IncidentActors\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Closing_a_filtered_selection_reads_its_mentions_once_by_article_id()
    {
        await ExportScenario.CreateAsync(factory);

        var commands = await RecordCommandsAsync(async export =>
        {
            var scope = await export.ScopeAsync(_oneDay, CancellationToken.None);
            await scope.ActorsAsync(CancellationToken.None);
        });

        Assert.Contains(commands, c => c.Contains("\"ActorAffiliations\"", StringComparison.Ordinal));
        var mentionReads = commands.Where(c => FirstFrom().Match(c).Groups[1].Value == "Mentions").ToList();
        var read = Assert.Single(mentionReads);
        Assert.DoesNotContain("\"Articles\"", read, StringComparison.Ordinal);
    }

    // The table the statement reads first: its outermost FROM.
    [GeneratedRegex("""\bFROM\s+"(\w+)"\s""")]
    private static partial Regex FirstFrom();

    private async Task<List<string>> RecordCommandsAsync(Func<ExportService, Task> work)
    {
        await using var services = factory.Services.CreateAsyncScope();
        var provider = services.ServiceProvider;
        var recorder = new CommandRecorder();
        var pool = provider.GetRequiredService<StoreContextPool>();
        // Through the engine: its context carries the engine's own conventions (PostgreSQL's zone-less dates).
        await using var db = pool.Engine.CreateContext(new DbContextOptionsBuilder(pool.Options).AddInterceptors(recorder).Options);
        db.UseFor(StoreContextUse.Of(provider));
        var export = new ExportService(db, TimeProvider.System, provider.GetRequiredService<IOptions<NewsDeskOptions>>(), NullLogger<ExportService>.Instance);
        await work(export);
        return recorder.Commands;
    }

    private sealed class CommandRecorder : DbCommandInterceptor
    {
        public List<string> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Commands.Add(command.CommandText);
            return base.ReaderExecuting(command, eventData, result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(command.CommandText);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
