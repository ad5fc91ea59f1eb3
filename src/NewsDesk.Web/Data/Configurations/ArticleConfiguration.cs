using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Configurations;

public class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.Property(a => a.Url).HasMaxLength(2048);
        builder.HasIndex(a => a.Url).IsUnique();
        builder.Property(a => a.Title).HasMaxLength(1000);
        builder.Property(a => a.Byline).HasMaxLength(500);
        builder.Property(a => a.SiteName).HasMaxLength(300);
        builder.Property(a => a.Section).HasMaxLength(300);
        builder.Property(a => a.Language).HasMaxLength(35);
        builder.Property(a => a.LeadImageUrl).HasMaxLength(2048);
        builder.Property(a => a.ContentHash).HasMaxLength(64);
        builder.HasIndex(a => a.ContentHash);
        builder.HasIndex(a => a.SimHash);
        // The article list's order: newest first, id as tie-breaker (also the keyset for paging); and the same
        // order within each filter the list offers, so a filtered page reads 21 index entries instead of sorting
        // every article of a language, site or source. The leading columns also serve the distinct-values lists.
        builder.HasIndex(a => new { a.PublishedAt, a.Id });
        builder.HasIndex(a => new { a.Language, a.PublishedAt, a.Id });
        builder.HasIndex(a => new { a.SiteName, a.PublishedAt, a.Id });
        builder.HasIndex(a => new { a.SourceId, a.PublishedAt, a.Id });
        // Articles stay when their source is deleted.
        builder.HasOne(a => a.Source).WithMany(s => s.Articles).HasForeignKey(a => a.SourceId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(a => a.DuplicateOf).WithMany().HasForeignKey(a => a.DuplicateOfId).OnDelete(DeleteBehavior.SetNull);
    }
}
