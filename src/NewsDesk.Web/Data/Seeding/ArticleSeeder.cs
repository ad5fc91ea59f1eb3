using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Seeding;

/// <summary>Imports seeds/articles/*.json; a malformed file is logged by name and skipped.</summary>
public sealed class ArticleSeeder(
    NewsDeskDbContext db,
    IOptions<NewsDeskOptions> options,
    TimeProvider clock,
    ILogger<ArticleSeeder> logger)
{
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public string SeedsDirectory => options.Value.SeedsDirectory is { Length: > 0 } configured
        ? Path.GetFullPath(configured)
        : Path.Combine(AppContext.BaseDirectory, "seeds");

    public async Task<int> ImportAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(SeedsDirectory, "articles");
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("No seed articles: folder {Folder} does not exist", folder);
            return 0;
        }

        var added = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var seed = await ReadAsync(file, cancellationToken);
            if (seed is null || await db.Articles.AnyAsync(a => a.Url == seed.Url, cancellationToken))
            {
                continue;
            }

            db.Articles.Add(ToArticle(seed));
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Imported {Count} seed article(s) from {Folder}", added, folder);
        return added;
    }

    private async Task<SeedArticle?> ReadAsync(string file, CancellationToken cancellationToken)
    {
        SeedArticle? seed;
        try
        {
            await using var stream = File.OpenRead(file);
            seed = await JsonSerializer.DeserializeAsync<SeedArticle>(stream, JsonOptions, cancellationToken);
        }
        catch (JsonException ex)
        {
            logger.LogError("Seed file {File} is not valid: {Reason}. Skipped.", Path.GetFileName(file), ex.Message);
            return null;
        }

        if (seed is null || string.IsNullOrWhiteSpace(seed.Url) || string.IsNullOrWhiteSpace(seed.Title)
            || seed.Paragraphs is not { Count: > 0 } || seed.Paragraphs.Any(string.IsNullOrWhiteSpace))
        {
            logger.LogError("Seed file {File} needs a url, a title and non-empty paragraphs. Skipped.", Path.GetFileName(file));
            return null;
        }

        return seed;
    }

    private Article ToArticle(SeedArticle seed)
    {
        var text = seed.BodyText();
        return new Article
        {
            Url = seed.Url!,
            Title = seed.Title!,
            SiteName = seed.SiteName,
            Section = seed.Section,
            Byline = seed.Byline,
            Language = seed.Language,
            LeadImageUrl = seed.LeadImageUrl,
            PublishedAt = seed.PublishedAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null,
            PublishedUtcOffsetMinutes = seed.PublishedUtcOffsetMinutes,
            PublishedPrecision = seed.PublishedPrecision ?? (seed.PublishedAt is null ? DatePrecision.Unknown : DatePrecision.Day),
            FetchedAt = clock.GetUtcNow().UtcDateTime,
            Text = text,
            ContentHash = ContentHash.Of(text),
        };
    }
}
