using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Configurations;

public class ArticleReviewConfiguration : IEntityTypeConfiguration<ArticleReview>
{
    public void Configure(EntityTypeBuilder<ArticleReview> builder)
    {
        builder.HasKey(r => r.ArticleId);
        builder.HasOne(r => r.Article).WithOne(a => a.Review).HasForeignKey<ArticleReview>(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.StateSetBy).HasMaxLength(256);
        builder.Property(r => r.AnnotatedBy).HasMaxLength(256);
        builder.Property(r => r.Assignee).HasMaxLength(256);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.State, r.ArticleId });
        builder.HasIndex(r => new { r.Assignee, r.State });
    }
}
