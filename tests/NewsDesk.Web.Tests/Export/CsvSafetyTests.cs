using System.Text;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Export;
using NewsDesk.Web.Tests.Infrastructure;
using NewsDesk.Web.Tests.Infrastructure.Builders;

namespace NewsDesk.Web.Tests.Export;

/// <summary>What reaches a spreadsheet: quoting, encodings, formula injection, the cell limit, the byte-order mark.</summary>
public class CsvSafetyTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    [Fact]
    public async Task A_cell_with_quotes_commas_newlines_Arabic_and_emoji_round_trips()
    {
        const string description = "He said \"we will respond\", then:\r\nلن نتراجع 🚀, and\nmore \"quotes\"";
        var (collection, _) = await AnnotatedActorAsync(new ActorBuilder().Named("Kataib, \"KH\"").With(a => a.Description = description));

        var files = await factory.ExportAsync(new ExportSelection { CollectionId = collection.Id });
        var row = CsvFiles.Read(files["actors.csv"]).Rows.Single();

        Assert.Equal("Kataib, \"KH\"", row["name"]);
        Assert.Equal(description, row["description"]);
        var raw = Encoding.UTF8.GetString(files["actors.csv"]);
        Assert.Contains("\"Kataib, \"\"KH\"\"\"", raw, StringComparison.Ordinal);
        Assert.Contains("لن نتراجع 🚀", raw, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.test\")")]
    [InlineData("+1+cmd|' /C calc'!A0")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A2)")]
    [InlineData("\tindented")]
    [InlineData("\rcarriage")]
    [InlineData("＝1+1")]
    [InlineData("＋1")]
    [InlineData("－1")]
    [InlineData("＠SUM(A1)")]
    [InlineData("\n=1+1")]
    [InlineData("\nfirst line hidden")]
    [InlineData("\"=1+1\"")]
    [InlineData("\"+1\"")]
    [InlineData("\"-1\"")]
    [InlineData("\"@SUM(A1)\"")]
    [InlineData(" =1+1")]
    [InlineData("“=1+1”")]
    public async Task Export_quotes_text_cells_that_start_like_a_formula(string name)
    {
        var (collection, _) = await AnnotatedActorAsync(new ActorBuilder().Named(name).With(a => a.Description = name));

        var row = (await factory.ExportTablesAsync(new ExportSelection { CollectionId = collection.Id }))["actors.csv"].Rows.Single();

        Assert.Equal("'" + name, row["name"]);
        Assert.Equal("'" + name, row["description"]);
    }

    [Fact]
    public async Task A_mention_quote_a_context_and_a_title_that_start_like_a_formula_are_quoted()
    {
        var collection = new Collection { Name = $"formula {Guid.NewGuid():N}", Version = 1 };
        Article article = new ArticleBuilder().Titled("\"=1+1\"").WithText("Kataib Hezbollah\n=HYPERLINK(\"http://evil.test\")\n\"=2+2\" said IRNA.")
            .InCollection(collection);
        Actor actor = new ActorBuilder().Named("Kataib Hezbollah");
        Claim claim = new ClaimBuilder().Saying("IRNA's sum");
        await factory.ExecuteDbContextAsync(async db =>
        {
            db.AddRange(article, actor, claim, Mentions.Of(article, "Kataib Hezbollah", actor), Mentions.Of(article, "\"=2+2\"", claim));
            await db.SaveChangesAsync();
        });

        var tables = await factory.ExportTablesAsync(new ExportSelection { CollectionId = collection.Id });
        var mentions = tables["mentions.csv"];

        Assert.Equal("'\"=1+1\"", tables["articles.csv"].Rows.Single()["title"]);
        Assert.All(mentions.Rows, r => Assert.Equal("'\"=1+1\"", r["article_title"]));
        var actorMention = mentions.Row("quote", "Kataib Hezbollah");
        Assert.Equal("'\n=HYPERLINK(\"http://evil.test\")\n\"=2+2\" said IRNA.", actorMention["context_after"]);
        var claimMention = mentions.Row("record_type", "Claim");
        Assert.Equal("'\"=2+2\"", claimMention["quote"]);
        Assert.Equal(" said IRNA.", claimMention["context_after"]);
        Assert.Equal("Kataib Hezbollah\n=HYPERLINK(\"http://evil.test\")\n", claimMention["context_before"]);
    }

    [Fact]
    public async Task Text_that_merely_contains_a_formula_character_is_left_alone()
    {
        var (collection, _) = await AnnotatedActorAsync(new ActorBuilder().Named("Kata'ib = KH - Iraq @ 2024"));

        var row = (await factory.ExportTablesAsync(new ExportSelection { CollectionId = collection.Id }))["actors.csv"].Rows.Single();

        Assert.Equal("Kata'ib = KH - Iraq @ 2024", row["name"]);
    }

    [Fact]
    public async Task Numbers_stay_numbers_even_when_negative()
    {
        var collection = new Collection { Name = $"negative {Guid.NewGuid():N}", Version = 1 };
        Article article = new ArticleBuilder().WithText("A strike near Valparaíso.").InCollection(collection);
        Incident incident = new IncidentBuilder().Titled("-Strike").With(i => { i.Latitude = -33.0472; i.Longitude = -71.6127; i.Fatalities = -1; });
        await factory.ExecuteDbContextAsync(async db =>
        {
            db.AddRange(article, incident, Mentions.Of(article, "A strike", incident));
            await db.SaveChangesAsync();
        });

        var csv = Encoding.UTF8.GetString((await factory.ExportAsync(new ExportSelection { CollectionId = collection.Id }))["incidents.csv"]);

        Assert.Contains(",-33.0472,-71.6127,", csv, StringComparison.Ordinal);
        Assert.Contains(",-1,,", csv, StringComparison.Ordinal); // fatalities, then the empty tags
        Assert.Contains(",'-Strike,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("'-33", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_longer_than_Excel_allows_is_cut_with_a_visible_marker()
    {
        // A mention's quote has no column limit (an incident's notes stop at 8,000): a 51,000-character span.
        var longText = string.Concat(Enumerable.Repeat("Very long quote. ", 3000)).Trim();
        var collection = new Collection { Name = $"long {Guid.NewGuid():N}", Version = 1 };
        Article article = new ArticleBuilder().WithText(longText).InCollection(collection);
        Incident incident = new IncidentBuilder();
        await factory.ExecuteDbContextAsync(async db =>
        {
            db.AddRange(article, incident, Mentions.Of(article, longText, incident));
            await db.SaveChangesAsync();
        });

        var quote = (await factory.ExportTablesAsync(new ExportSelection { CollectionId = collection.Id }))["mentions.csv"].Rows.Single()["quote"];

        Assert.Equal(CsvCells.MaxCellLength, quote.Length);
        Assert.EndsWith("…[truncated]", quote, StringComparison.Ordinal);
        Assert.StartsWith(longText[..1000], quote, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncation_never_splits_an_emoji()
    {
        // The emoji would straddle the cut: its first half is the last character that fits.
        var text = new string('a', CsvCells.MaxCellLength - CsvCells.TruncationMarker.Length - 1) + "🚀" + new string('b', 100);

        var cell = CsvCells.Text(text);

        Assert.True(cell.Length <= CsvCells.MaxCellLength);
        Assert.EndsWith("a" + CsvCells.TruncationMarker, cell, StringComparison.Ordinal);
    }

    [Fact]
    public void Context_around_a_mention_never_splits_an_emoji()
    {
        var text = "🚀" + new string('x', 59) + "QUOTE" + new string('y', 59) + "🚀";
        var start = text.IndexOf("QUOTE", StringComparison.Ordinal);

        Assert.Equal(new string('x', 59), MentionsCsvWriter.Before(text, start));
        Assert.Equal(new string('y', 59), MentionsCsvWriter.After(text, start + 5));
    }

    [Fact]
    public async Task Files_start_with_a_byte_order_mark_by_default_and_not_when_asked()
    {
        var (collection, _) = await AnnotatedActorAsync(new ActorBuilder().Named("Iran"));
        var selection = new ExportSelection { CollectionId = collection.Id };

        var withBom = await factory.ExportAsync(selection);
        var withoutBom = await factory.ExportAsync(selection, new ExportFormat(ByteOrderMark: false));

        foreach (var table in ExportService.Tables)
        {
            Assert.Equal(CsvFiles.Utf8Bom, withBom[table.FileName][..3]);
            Assert.NotEqual(CsvFiles.Utf8Bom, withoutBom[table.FileName][..3]);
            Assert.Equal(withBom[table.FileName][3..], withoutBom[table.FileName]);
        }
    }

    [Fact]
    public async Task An_empty_selection_gives_each_file_its_header_only()
    {
        var empty = new Collection { Name = $"empty {Guid.NewGuid():N}", Version = 1 };
        await factory.InsertAsync(empty);

        var files = await factory.ExportAsync(new ExportSelection { CollectionId = empty.Id });

        foreach (var table in ExportService.Tables)
        {
            var expected = Encoding.UTF8.GetBytes("\uFEFF" + string.Join(',', table.Columns(new ExportFormat())) + "\r\n");
            Assert.Equal(expected, files[table.FileName]);
        }
    }

    private async Task<(Collection Collection, Actor Actor)> AnnotatedActorAsync(Actor actor)
    {
        var collection = new Collection { Name = $"safety {Guid.NewGuid():N}", Version = 1 };
        Article article = new ArticleBuilder().WithText("Kataib Hezbollah struck again.").InCollection(collection);
        await factory.ExecuteDbContextAsync(async db =>
        {
            db.AddRange(article, actor, Mentions.Of(article, "Kataib Hezbollah", actor));
            await db.SaveChangesAsync();
        });
        return (collection, actor);
    }
}
