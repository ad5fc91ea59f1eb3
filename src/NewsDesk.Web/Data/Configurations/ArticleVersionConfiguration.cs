using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Configurations;

public class ArticleVersionConfiguration : IEntityTypeConfiguration<ArticleVersion>
{
    public void Configure(EntityTypeBuilder<ArticleVersion> builder)
    {
        builder.HasIndex(v => new { v.ArticleId, v.Number }).IsUnique();
        builder.Property(v => v.Title).HasMaxLength(1000);
        builder.Property(v => v.Byline).HasMaxLength(500);
        builder.Property(v => v.TextSha256).HasMaxLength(64);
        builder.Property(v => v.NotCapturedReason).HasMaxLength(500);
        builder.HasOne(v => v.Article).WithMany().HasForeignKey(v => v.ArticleId).OnDelete(DeleteBehavior.Cascade);
        // A capture is evidence: it is never deleted while a version points at it.
        builder.HasOne(v => v.Capture).WithMany().HasForeignKey(v => v.CaptureId).OnDelete(DeleteBehavior.Restrict);
    }
}
