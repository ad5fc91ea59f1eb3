using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Configurations;

public class ArticleRecheckConfiguration : IEntityTypeConfiguration<ArticleRecheck>
{
    public void Configure(EntityTypeBuilder<ArticleRecheck> builder)
    {
        builder.HasKey(r => r.ArticleId);
        builder.HasOne(r => r.Article).WithOne().HasForeignKey<ArticleRecheck>(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.NextCheckAt);
        builder.Property(r => r.LastResult).HasMaxLength(500);
    }
}
