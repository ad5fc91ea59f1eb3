using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Configurations;

public class MentionConfiguration : IEntityTypeConfiguration<Mention>
{
    public void Configure(EntityTypeBuilder<Mention> builder)
    {
        builder.Ignore(m => m.RecordType);
        builder.HasOne(m => m.Article).WithMany(a => a.Mentions).HasForeignKey(m => m.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Actor).WithMany(a => a.Mentions).HasForeignKey(m => m.ActorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Incident).WithMany(i => i.Mentions).HasForeignKey(m => m.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Claim).WithMany(c => c.Mentions).HasForeignKey(m => m.ClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.ArticleId, m.Start });
        // No two identical mentions (same article, span and record): one partial unique index per link column, since
        // NULLs never collide in a unique index. Quoted names work in SQLite and PostgreSQL alike.
        builder.HasIndex(m => new { m.ArticleId, m.Start, m.End, m.ActorId }).IsUnique().HasFilter("\"ActorId\" IS NOT NULL").HasDatabaseName("IX_Mentions_Unique_Actor");
        builder.HasIndex(m => new { m.ArticleId, m.Start, m.End, m.IncidentId }).IsUnique().HasFilter("\"IncidentId\" IS NOT NULL").HasDatabaseName("IX_Mentions_Unique_Incident");
        builder.HasIndex(m => new { m.ArticleId, m.Start, m.End, m.ClaimId }).IsUnique().HasFilter("\"ClaimId\" IS NOT NULL").HasDatabaseName("IX_Mentions_Unique_Claim");
        builder.Property(m => m.CreatedBy).HasMaxLength(256);
        builder.Property(m => m.UpdatedBy).HasMaxLength(256);
        builder.Property(m => m.Version).IsConcurrencyToken();
        // Identifiers quoted: PostgreSQL folds unquoted ones to lower case and would not find the columns.
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Mentions_OneRecord",
                "(CASE WHEN \"ActorId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"IncidentId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"ClaimId\" IS NULL THEN 0 ELSE 1 END) = 1");
            t.HasCheckConstraint("CK_Mentions_Span", "\"Start\" >= 0 AND \"End\" > \"Start\"");
        });
    }
}
