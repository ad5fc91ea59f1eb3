using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Configurations;

public class ActorAffiliationConfiguration : IEntityTypeConfiguration<ActorAffiliation>
{
    public void Configure(EntityTypeBuilder<ActorAffiliation> builder)
    {
        builder.HasOne(a => a.Actor).WithMany(a => a.Affiliations).HasForeignKey(a => a.ActorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Affiliate).WithMany().HasForeignKey(a => a.AffiliateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.ActorId, a.AffiliateId }).IsUnique();
        builder.Property(a => a.Relation).HasMaxLength(200);
    }
}
