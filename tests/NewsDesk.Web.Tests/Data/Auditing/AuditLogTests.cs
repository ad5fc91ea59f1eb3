using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Auth;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Auth;
using NewsDesk.Web.Tests.Infrastructure;
using NewsDesk.Web.Tests.Infrastructure.Builders;

namespace NewsDesk.Web.Tests.Data.Auditing;

/// <summary>Every kind of change lands in the append-only audit log with who, what, and the values before and after.</summary>
public class AuditLogTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    private static readonly string _editor = NewsDeskFactory.EmailOf(Roles.Editor);

    [Fact]
    public async Task Editing_an_actor_records_the_changed_fields_before_and_after_and_who_made_it()
    {
        Actor actor = new ActorBuilder().Named("Islamic Resistance in Iraq");
        await factory.InsertAsync(actor);
        var editor = await factory.CreateClientAsync(Roles.Editor, allowAutoRedirect: false);

        await editor.SubmitFormAsync($"/actors/{actor.Id}/edit", new Dictionary<string, string> { ["Form.Name"] = "IRI", ["Form.Country"] = "Iraq" });

        var entry = await LastAsync("Actor", actor.Id);
        Assert.Equal(AuditAction.Updated, entry.Action);
        Assert.Equal(_editor, entry.UserName);
        Assert.Equal(2, entry.Version);
        Assert.Equal("Islamic Resistance in Iraq", Field(entry.Before, "Name"));
        Assert.Equal("IRI", Field(entry.After, "Name"));
        Assert.Null(Field(entry.Before, "Country"));
        Assert.Equal("Iraq", Field(entry.After, "Country"));
        Assert.Null(Field(entry.After, "Description"));
        var stored = await factory.FindAsync<Actor>(actor.Id);
        Assert.Equal(_editor, stored!.UpdatedBy);
    }

    [Fact]
    public async Task Creating_and_deleting_a_mention_through_the_api_records_both_on_the_article()
    {
        var article = new ArticleBuilder().WithText("Kataib Hezbollah attacked the base.").Build();
        await factory.InsertAsync(article);
        var editor = await factory.CreateClientAsync(Roles.Editor);

        var created = await editor.PostAsJsonAsync($"/api/articles/{article.Id}/mentions",
            new { start = 0, end = 16, quote = "Kataib Hezbollah", entityType = "actor", newEntity = new { name = "Kataib Hezbollah" } });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync($"/api/mentions/{id}")).StatusCode);

        var entries = await factory.ExecuteDbContextAsync(db => db.AuditEntries.Where(e => e.EntityType == "Mention" && e.EntityId == id.ToString(CultureInfo.InvariantCulture)).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([AuditAction.Created, AuditAction.Deleted], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(("Article", article.Id.ToString(CultureInfo.InvariantCulture)), (e.RecordType, e.RecordId)));
        Assert.All(entries, e => Assert.Equal(_editor, e.UserName));
        Assert.Null(entries[0].Before);
        Assert.Equal("Kataib Hezbollah", Field(entries[0].After, "Quote"));
        Assert.Equal(_editor, Field(entries[0].After, "CreatedBy"));
        Assert.Equal("Kataib Hezbollah", Field(entries[1].Before, "Quote"));
        Assert.Null(entries[1].After);

        var page = await editor.GetDocumentAsync($"/articles/{article.Id}");
        var history = page.QuerySelectorAll("#history .history-entry").Select(e => e.GetAttribute("data-action") + " " + e.GetAttribute("data-entity")).ToList();
        Assert.Equal(["Deleted Mention", "Created Mention"], history);
    }

    [Fact]
    public async Task Merging_actors_records_the_merge_and_every_moved_mention()
    {
        var article = new ArticleBuilder().WithText("KH and Kataib Hezbollah are one group.").Build();
        Actor survivor = new ActorBuilder().Named("Kataib Hezbollah");
        Actor duplicate = new ActorBuilder().Named("KH");
        await factory.InsertAsync<object>(article, survivor, duplicate);
        var mention = new Mention { ArticleId = article.Id, Start = 0, End = 2, Quote = "KH", ActorId = duplicate.Id };
        await factory.InsertAsync(mention);
        var admin = factory.CreateClient(new() { AllowAutoRedirect = false });

        var merged = await admin.SubmitFormAsync($"/actors/{survivor.Id}/merge", new Dictionary<string, string> { ["MergedId"] = duplicate.Id.ToString(CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        var moved = await LastAsync("Mention", mention.Id, byEntity: true);
        Assert.Equal(AuditAction.Updated, moved.Action);
        Assert.Equal(duplicate.Id.ToString(CultureInfo.InvariantCulture), Field(moved.Before, "ActorId"));
        Assert.Equal(survivor.Id.ToString(CultureInfo.InvariantCulture), Field(moved.After, "ActorId"));
        var merge = await factory.ExecuteDbContextAsync(db => db.AuditEntries.Where(e => e.Action == AuditAction.Merged && e.RecordId == survivor.Id.ToString(CultureInfo.InvariantCulture)).SingleAsync());
        Assert.Equal("KH", Field(merge.Before, "Name"));
        Assert.Equal(survivor.Id.ToString(CultureInfo.InvariantCulture), Field(merge.After, "MergedInto"));
        var deleted = await LastAsync("Actor", duplicate.Id, byEntity: true);
        Assert.Equal(AuditAction.Deleted, deleted.Action);

        var history = await admin.GetDocumentAsync($"/actors/{survivor.Id}");
        Assert.Contains(history.QuerySelectorAll("#history .history-entry"), e => e.GetAttribute("data-action") == "Merged");
    }

    [Fact]
    public async Task Collections_sources_users_and_roles_are_recorded_and_passwords_never_are()
    {
        var admin = await factory.CreateClientAsync(Roles.Admin, allowAutoRedirect: false);
        var source = new Source { Name = "Wire", Url = "https://wire.test/feed", Kind = SourceKind.Feed };
        await factory.InsertAsync(source);

        await admin.SubmitAsync("/collections", "form.create-collection", [Forms.Field("Form.Name", "Proxy militias")]);
        await admin.PostFormAsync($"/sources/{source.Id}?handler=Toggle");
        var invited = await admin.PostFormAsync("/admin/users?handler=Invite", ("Invite.Email", "new.viewer@newsdesk.test"), ("Invite.Role", Roles.Viewer));
        var password = (await invited.ReadDocumentAsync()).QuerySelector("#new-password")!.TextContent;

        var collection = await factory.ExecuteDbContextAsync(db => db.AuditEntries.Where(e => e.EntityType == "Collection").OrderBy(e => e.Id).LastAsync());
        Assert.Equal(("Created", "Proxy militias"), (collection.Action.ToString(), Field(collection.After, "Name")));
        var toggled = await LastAsync("Source", source.Id);
        Assert.Equal(("True", "False"), (Field(toggled.Before, "Enabled"), Field(toggled.After, "Enabled")));
        var user = await factory.ExecuteDbContextAsync(db => db.AuditEntries.Where(e => e.EntityType == "User" && e.After!.Contains("new.viewer@newsdesk.test")).SingleAsync());
        Assert.Equal(AuditAction.Created, user.Action);
        Assert.Equal(NewsDeskFactory.EmailOf(Roles.Admin), user.UserName);
        var role = await factory.ExecuteDbContextAsync(db => db.AuditEntries.Where(e => e.EntityType == "UserRole" && e.RecordId == user.RecordId).SingleAsync());
        Assert.Equal(Roles.Viewer, Field(role.After, "Role"));
        var everything = await factory.ExecuteDbContextAsync(db => db.AuditEntries.Select(e => (e.Before ?? "") + (e.After ?? "")).ToListAsync());
        Assert.DoesNotContain(everything, values => values.Contains(password, StringComparison.Ordinal) || values.Contains("AQAAAA", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_log_is_append_only_even_for_raw_sql_and_for_the_change_tracker()
    {
        factory.CreateClient();

        var sql = await Assert.ThrowsAnyAsync<Exception>(() => factory.ExecuteDbContextAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"UserName\" = 'someone else'")));
        Assert.Contains("append-only", sql.Message, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<Exception>(() => factory.ExecuteDbContextAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\"")));
        var tracked = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.ExecuteDbContextAsync(async db =>
        {
            db.AuditEntries.Remove(await db.AuditEntries.FirstAsync());
            await db.SaveChangesAsync();
        }));
        Assert.Contains("append-only", tracked.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_page_filters_by_user_and_type_and_exports_the_same_rows_as_csv()
    {
        var editor = await factory.CreateClientAsync(Roles.Editor, allowAutoRedirect: false);
        await editor.PostFormAsync("/claims/new", ("Form.Text", "Iran supplies the drones"), ("Form.Kind", "Other"), ("Form.Assessment", "Unverified"));
        var admin = factory.CreateClient();

        var page = await admin.GetDocumentAsync($"/audit?user={Uri.EscapeDataString(_editor)}&type=Claim");
        var csv = CsvFiles.Read(await admin.GetByteArrayAsync($"/audit?handler=Csv&user={Uri.EscapeDataString(_editor)}&type=Claim"));

        var rows = page.QuerySelectorAll(".audit-entry");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains(_editor, r.TextContent, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.TextContent.Contains("Iran supplies the drones", StringComparison.Ordinal));
        Assert.Equal(rows.Length, csv.Rows.Count);
        Assert.All(csv.Rows, r => Assert.Equal((_editor, "Claim"), (r["user"], r["entity_type"])));
        Assert.Contains(csv.Rows, r => r["action"] == "Created" && r["after"].Contains("Iran supplies the drones", StringComparison.Ordinal));
        var seeded = await admin.GetDocumentAsync("/audit?user=system");
        Assert.NotEmpty(seeded.QuerySelectorAll(".audit-entry"));
    }

    private Task<AuditEntry> LastAsync(string type, int id, bool byEntity = false) => factory.ExecuteDbContextAsync(db =>
        db.AuditEntries.Where(e => byEntity ? e.EntityType == type && e.EntityId == id.ToString(CultureInfo.InvariantCulture) : e.RecordType == type && e.RecordId == id.ToString(CultureInfo.InvariantCulture) && e.EntityType == type)
            .OrderBy(e => e.Id).LastAsync());

    private static string? Field(string? json, string name)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText().Replace("true", "True").Replace("false", "False")
            : null;
    }
}
