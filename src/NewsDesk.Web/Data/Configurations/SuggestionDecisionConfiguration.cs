using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Configurations;

public class SuggestionDecisionConfiguration : IEntityTypeConfiguration<SuggestionDecision>
{
    public void Configure(EntityTypeBuilder<SuggestionDecision> builder)
    {
        builder.HasOne(d => d.Article).WithMany().HasForeignKey(d => d.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.Mention).WithMany().HasForeignKey(d => d.MentionId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(d => d.DecidedBy).HasMaxLength(256);
        builder.HasIndex(d => new { d.ArticleId, d.Verdict });
    }
}
