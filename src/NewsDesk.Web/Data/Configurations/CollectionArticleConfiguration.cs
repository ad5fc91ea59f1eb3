using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Configurations;

public class CollectionArticleConfiguration : IEntityTypeConfiguration<CollectionArticle>
{
    public void Configure(EntityTypeBuilder<CollectionArticle> builder)
    {
        builder.HasKey(ca => new { ca.CollectionId, ca.ArticleId });
        builder.HasOne(ca => ca.Collection).WithMany(c => c.Articles).HasForeignKey(ca => ca.CollectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(ca => ca.Article).WithMany(a => a.Collections).HasForeignKey(ca => ca.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(ca => ca.ArticleId);
    }
}
