using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Data;

/// <summary>
/// A database made by the previous release (Data/fixtures/newsdesk-1c9d3dc.db, see its README) opened by this build:
/// it migrates on start and nothing is lost; its user still signs in and its API token still works.
/// </summary>
[Trait(TestStore.EngineTrait, TestStore.FixedEngine)]
public class UpgradeTests
{
    private const string Fixture = "newsdesk-1c9d3dc.db";
    private const string Editor = "editor@example.org";
    private const string EditorPassword = "Editor-before-upgrade-2024";
    private const string EditorToken = "nd_2cdPKb36ZHH2cpNlgNs8DdlSJFvRvqs7mDjsfpO372Y";

    private static readonly string[] Tables =
        ["Articles", "Mentions", "Actors", "ActorAliases", "Incidents", "IncidentActors", "Claims", "AuditEntries", "AspNetUsers", "ApiTokens"];

    /// <summary>A copy of the old database in a fresh data folder (the committed file is never opened for writing).</summary>
    private static string CopyOfOldDatabase()
    {
        var dataDirectory = TestDirectory.Create();
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Data", "fixtures", Fixture), Path.Combine(dataDirectory, "newsdesk.db"));
        return dataDirectory;
    }

    /// <summary>Every row's id per table, read with plain SQLite (no EF, no migrations).</summary>
    private static Dictionary<string, List<string>> IdsByTable(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var ids = new Dictionary<string, List<string>>();
        foreach (var table in Tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = table == "IncidentActors" ? $"SELECT IncidentId || '/' || ActorId || '/' || Role FROM {table} ORDER BY 1" : $"SELECT Id FROM {table} ORDER BY Id";
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                rows.Add(reader.GetValue(0).ToString()!);
            }

            ids[table] = rows;
        }

        return ids;
    }

    [Fact]
    public async Task The_previous_release_database_migrates_on_start_and_keeps_every_row()
    {
        var dataDirectory = CopyOfOldDatabase();
        var database = Path.Combine(dataDirectory, "newsdesk.db");
        var before = IdsByTable(database);
        await using var app = NewsDeskFactory.On(dataDirectory, TestEngine.Sqlite);

        var pending = await app.ExecuteDbContextAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList());
        var after = IdsByTable(database);

        Assert.Empty(pending);
        Assert.Equal(
            new[] { 1, 21, 16, 5, 4, 115 },
            new[] { "Articles", "Mentions", "Actors", "Incidents", "Claims", "AuditEntries" }.Select(t => before[t].Count));
        foreach (var table in Tables)
        {
            Assert.True(before[table].SequenceEqual(after[table]), $"{table}: {before[table].Count} rows before the upgrade, {after[table].Count} after");
        }

        var article = await app.ExecuteDbContextAsync(db => db.Articles.AsNoTracking().SingleAsync());
        Assert.StartsWith("Iran Increases Use of Proxy Militias", article.Title, StringComparison.Ordinal);
        Assert.All(await app.ExecuteDbContextAsync(db => db.Mentions.AsNoTracking().ToListAsync()), m => Assert.Equal(m.Quote, article.Text[m.Start..m.End]));
    }

    [Fact]
    public async Task After_the_upgrade_the_old_user_signs_in_and_the_old_token_works()
    {
        await using var app = NewsDeskFactory.On(CopyOfOldDatabase(), TestEngine.Sqlite);

        var browser = app.CreateFirstRunClient(allowAutoRedirect: true);
        await NewsDeskFactory.SignInAsync(browser, Editor, EditorPassword);
        var home = await browser.GetAsync("/");
        var script = app.CreateFirstRunClient();
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", EditorToken);
        var mentions = await script.GetFromJsonAsync<JsonElement>("/api/articles/1/mentions");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains(Editor, await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(21, mentions.GetArrayLength());
    }
}
