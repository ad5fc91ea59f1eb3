using System.Globalization;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;
using NewsDesk.Web.Tests.Infrastructure.Builders;
using static NewsDesk.Web.Tests.Infrastructure.Forms;

namespace NewsDesk.Web.Tests.Pages.Collections;

public class CollectionsPagesTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    [Fact]
    public async Task Creating_a_collection_opens_its_page_and_lists_it()
    {
        var client = factory.CreateClient();
        var name = $"Iran proxy attacks, July 2024 {Guid.NewGuid():N}";

        var response = await client.SubmitAsync("/collections", "form.create-collection", [Field("Form.Name", $"  {name} "), Field("Form.Description", "ICARO and wires")]);

        var page = await response.ReadDocumentAsync();
        Assert.Equal(name, page.QuerySelector("h1")!.TextContent);
        Assert.Matches("^/collections/[0-9]+$", response.RequestMessage!.RequestUri!.AbsolutePath);
        var list = await client.GetDocumentAsync("/collections");
        Assert.Contains(list.QuerySelectorAll("a.collection-name"), a => a.TextContent == name);
    }

    [Fact]
    public async Task A_duplicate_name_is_refused_whatever_its_case()
    {
        var existing = new Collection { Name = $"Houthi attacks {Guid.NewGuid():N}", Version = 1 };
        await factory.InsertAsync(existing);
        var before = await factory.CountAsync<Collection>();

        var response = await factory.CreateClient().SubmitAsync("/collections", "form.create-collection", [Field("Form.Name", existing.Name.ToUpperInvariant())]);

        var page = await response.ReadDocumentAsync();
        Assert.Contains("already exists", page.QuerySelector(".field-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await factory.CountAsync<Collection>());
    }

    [Fact]
    public async Task Ticking_several_articles_in_the_list_adds_them_all_and_the_page_shows_progress()
    {
        var collection = new Collection { Name = $"Bulk {Guid.NewGuid():N}", Version = 1 };
        var actor = new ActorBuilder().Named("Kataib Hezbollah").Build();
        Article annotated = new ArticleBuilder().WithText("Kataib Hezbollah struck.").PublishedOn(2031, 1, 2);
        Article plain = new ArticleBuilder().PublishedOn(2031, 1, 3);
        Article untouched = new ArticleBuilder().PublishedOn(2031, 1, 4);
        await factory.ExecuteDbContextAsync(async db =>
        {
            db.AddRange(collection, annotated, plain, untouched, Mentions.Of(annotated, "Kataib Hezbollah", actor));
            await db.SaveChangesAsync();
        });
        var client = factory.CreateClient();

        var response = await client.SubmitAsync("/", "#bulk-collections",
            [Field("ArticleIds", annotated.Id), Field("ArticleIds", plain.Id), Field("CollectionId", collection.Id), Field("Operation", "add"), Field("ReturnUrl", "/")]);

        var home = await response.ReadDocumentAsync();
        Assert.Contains("Added 2 article(s)", home.QuerySelector(".alert-success")!.TextContent, StringComparison.Ordinal);
        var members = await factory.ExecuteDbContextAsync(db => db.CollectionArticles.Where(ca => ca.CollectionId == collection.Id).Select(ca => ca.ArticleId).ToListAsync());
        Assert.Equal([annotated.Id, plain.Id], members.Order());
        var details = await client.GetDocumentAsync($"/collections/{collection.Id}");
        Assert.Equal("1", details.QuerySelector(".collection-progress .annotated-count")!.TextContent);
        Assert.Equal("2", details.QuerySelector(".collection-progress .article-count")!.TextContent);
        Assert.Equal(("1", "2"), (details.QuerySelector(".collection-progress progress")!.GetAttribute("value"), details.QuerySelector(".collection-progress progress")!.GetAttribute("max")));
        Assert.Empty(details.QuerySelectorAll("[style]")); // the CSP allows no inline style
        Assert.Equal(2, details.QuerySelectorAll(".collection-articles li").Length);
    }

    [Fact]
    public async Task The_article_list_keeps_its_titles_and_offers_a_checkbox_per_article()
    {
        var page = await factory.CreateClient().GetDocumentAsync("/");

        var items = page.QuerySelectorAll(".article-list li");
        Assert.NotEmpty(items);
        Assert.All(items, li =>
        {
            Assert.NotNull(li.QuerySelector("a.fw-semibold"));
            Assert.NotNull(li.QuerySelector("input[type=checkbox][name=ArticleIds]"));
        });
    }

    [Fact]
    public async Task Posting_no_ticked_article_says_so_and_changes_nothing()
    {
        var collection = new Collection { Name = $"Nothing {Guid.NewGuid():N}", Version = 1 };
        await factory.InsertAsync(collection);

        var response = await factory.CreateClient().SubmitAsync("/", "#bulk-collections", [Field("CollectionId", collection.Id), Field("Operation", "add")]);

        var home = await response.ReadDocumentAsync();
        Assert.Contains("Select at least one article", home.QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.ExecuteDbContextAsync(db => db.CollectionArticles.CountAsync(ca => ca.CollectionId == collection.Id)));
    }

    [Fact]
    public async Task The_article_collections_partial_adds_and_removes_one_article()
    {
        var first = new Collection { Name = $"A first {Guid.NewGuid():N}", Version = 1 };
        var second = new Collection { Name = $"B second {Guid.NewGuid():N}", Version = 1 };
        Article article = new ArticleBuilder().InCollection(first);
        await factory.ExecuteDbContextAsync(async db =>
        {
            db.AddRange(second, article);
            await db.SaveChangesAsync();
        });
        var client = factory.CreateClient();
        var url = $"/collections/membership?articleId={article.Id}";

        await client.SubmitAsync(url, "form.add-to-collection", [Field("ArticleIds", article.Id), Field("CollectionId", second.Id), Field("Operation", "add"), Field("ReturnUrl", url)]);
        var afterAdd = await client.GetDocumentAsync(url);
        await client.SubmitAsync(url, $"[data-collection-id='{first.Id}'] form", [Field("ArticleIds", article.Id), Field("CollectionId", first.Id), Field("Operation", "remove"), Field("ReturnUrl", url)]);
        var afterRemove = await client.GetDocumentAsync(url);

        Assert.Equal([first.Name, second.Name], afterAdd.QuerySelectorAll(".article-collection-list a").Select(a => a.TextContent));
        Assert.Equal([second.Name], afterRemove.QuerySelectorAll(".article-collection-list a").Select(a => a.TextContent));
        Assert.NotNull(await factory.FindAsync<Article>(article.Id));
    }

    [Fact]
    public async Task The_article_page_adds_its_article_to_a_collection_and_removes_it_again()
    {
        var kept = new Collection { Name = $"A kept {Guid.NewGuid():N}", Version = 1 };
        var chosen = new Collection { Name = $"B chosen {Guid.NewGuid():N}", Version = 1 };
        Article article = new ArticleBuilder().InCollection(kept);
        await factory.ExecuteDbContextAsync(async db =>
        {
            db.AddRange(chosen, article);
            await db.SaveChangesAsync();
        });
        var client = factory.CreateClient();
        var url = $"/articles/{article.Id}";
        var page = await client.GetDocumentAsync(url);
        Assert.Equal(url, page.QuerySelector(".article-collections form.add-to-collection input[name=ReturnUrl]")!.GetAttribute("value"));

        var added = await client.SubmitAsync(url, ".article-collections form.add-to-collection",
            [Field("ArticleIds", article.Id), Field("CollectionId", chosen.Id), Field("Operation", "add"), Field("ReturnUrl", url)]);
        var afterAdd = await added.ReadDocumentAsync();
        var removed = await client.SubmitAsync(url, $".article-collections [data-collection-id='{chosen.Id}'] form",
            [Field("ArticleIds", article.Id), Field("CollectionId", chosen.Id), Field("Operation", "remove"), Field("ReturnUrl", url)]);
        var afterRemove = await removed.ReadDocumentAsync();

        Assert.Equal(url, added.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Added 1 article(s)", afterAdd.QuerySelector(".article-collections .alert-success")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([kept.Name, chosen.Name], afterAdd.QuerySelectorAll(".article-collection-list a").Select(a => a.TextContent));
        Assert.Equal([kept.Name], afterRemove.QuerySelectorAll(".article-collection-list a").Select(a => a.TextContent));
        Assert.Equal([kept.Id], await factory.ExecuteDbContextAsync(db => db.CollectionArticles.Where(ca => ca.ArticleId == article.Id).Select(ca => ca.CollectionId).ToListAsync()));
    }

    [Fact]
    public async Task Removing_an_article_from_the_collection_page_keeps_the_article()
    {
        var collection = new Collection { Name = $"Remove {Guid.NewGuid():N}", Version = 1 };
        Article article = new ArticleBuilder().InCollection(collection);
        await factory.InsertAsync(article);

        await factory.CreateClient().SubmitAsync($"/collections/{collection.Id}", "form.remove-article", [
            Field("ArticleIds", article.Id), Field("CollectionId", collection.Id), Field("Operation", "remove"), Field("ReturnUrl", $"/collections/{collection.Id}")]);

        Assert.Equal(0, await factory.ExecuteDbContextAsync(db => db.CollectionArticles.CountAsync(ca => ca.CollectionId == collection.Id)));
        Assert.NotNull(await factory.FindAsync<Article>(article.Id));
    }

    [Fact]
    public async Task Renaming_changes_the_name_and_refuses_a_taken_one()
    {
        var taken = new Collection { Name = $"Taken {Guid.NewGuid():N}", Version = 1 };
        var collection = new Collection { Name = $"Old {Guid.NewGuid():N}", Version = 1 };
        await factory.InsertAsync(taken, collection);
        var client = factory.CreateClient();
        var newName = $"Renamed {Guid.NewGuid():N}";

        var refused = await (await client.SubmitAsync($"/collections/{collection.Id}", "form.rename-collection", [Field("Rename.Name", taken.Name)])).ReadDocumentAsync();
        await client.SubmitAsync($"/collections/{collection.Id}", "form.rename-collection", [Field("Rename.Name", newName), Field("Rename.Version", 1)]);

        Assert.Contains("already exists", refused.QuerySelector(".field-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(newName, (await factory.FindAsync<Collection>(collection.Id))!.Name);
    }

    [Fact]
    public async Task Two_editors_renaming_from_the_same_version_the_second_sees_the_first_ones_name_and_overwrites_nothing()
    {
        var collection = new Collection { Name = $"Old {Guid.NewGuid():N}", Version = 1 };
        await factory.InsertAsync(collection);
        var amira = factory.CreateClient();
        var ben = factory.CreateClient();
        var url = $"/collections/{collection.Id}";
        var amirasVersion = ((IHtmlInputElement)(await amira.GetDocumentAsync(url)).QuerySelector("form.rename-collection input[name='Rename.Version']")!).Value;
        var bensVersion = ((IHtmlInputElement)(await ben.GetDocumentAsync(url)).QuerySelector("form.rename-collection input[name='Rename.Version']")!).Value;
        var amirasName = $"Amira's {Guid.NewGuid():N}";

        await amira.SubmitAsync(url, "form.rename-collection", [Field("Rename.Name", amirasName), Field("Rename.Version", amirasVersion)]);
        var second = await ben.SubmitAsync(url, "form.rename-collection", [Field("Rename.Name", $"Ben's {Guid.NewGuid():N}"), Field("Rename.Version", bensVersion)]);

        var page = await second.ReadDocumentAsync();
        var conflict = page.QuerySelector(".conflict")!.TextContent;
        Assert.Contains("Nothing was overwritten", conflict, StringComparison.Ordinal);
        Assert.Contains(amirasName, conflict, StringComparison.Ordinal);
        Assert.Contains(amirasName, page.QuerySelector(".their-changes")!.TextContent, StringComparison.Ordinal);
        var stored = (await factory.FindAsync<Collection>(collection.Id))!;
        Assert.Equal((amirasName, 2), (stored.Name, stored.Version));
    }

    [Fact]
    public async Task Deleting_a_collection_keeps_its_articles()
    {
        var collection = new Collection { Name = $"Delete {Guid.NewGuid():N}", Version = 1 };
        Article article = new ArticleBuilder().InCollection(collection);
        await factory.InsertAsync(article);

        var response = await factory.CreateClient().SubmitAsync($"/collections/{collection.Id}", "form.delete-collection", []);

        Assert.Equal("/collections", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Null(await factory.FindAsync<Collection>(collection.Id));
        Assert.NotNull(await factory.FindAsync<Article>(article.Id));
    }

    [Fact]
    public async Task Deleting_a_collection_records_each_membership_it_removed_in_the_audit_log()
    {
        var collection = new Collection { Name = $"Audited {Guid.NewGuid():N}", Version = 1 };
        Article first = new ArticleBuilder().InCollection(collection);
        await factory.InsertAsync(first);
        var second = new ArticleBuilder().Build();
        await factory.InsertAsync(second);
        await factory.InsertAsync(new CollectionArticle { CollectionId = collection.Id, ArticleId = second.Id });

        await factory.CreateClient().SubmitAsync($"/collections/{collection.Id}", "form.delete-collection", []);

        var recordId = collection.Id.ToString(CultureInfo.InvariantCulture);
        var removed = await factory.ExecuteDbContextAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.RecordType == "Collection" && e.RecordId == recordId && e.EntityType == "CollectionArticle" && e.Action == AuditAction.Deleted)
            .Select(e => e.EntityId).ToListAsync());
        Assert.Equal(
            new[] { first.Id, second.Id }.Select(i => i.ToString(CultureInfo.InvariantCulture)).Order(),
            removed.Order());
    }
}
