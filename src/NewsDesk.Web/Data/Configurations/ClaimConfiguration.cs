using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Configurations;

public class ClaimConfiguration : IEntityTypeConfiguration<Claim>
{
    public void Configure(EntityTypeBuilder<Claim> builder)
    {
        builder.Property(c => c.Text).HasMaxLength(4000);
        builder.Property(c => c.AssessmentNote).HasMaxLength(4000);
        builder.Property(c => c.Reviewer).HasMaxLength(300);
        builder.HasOne(c => c.Claimant).WithMany().HasForeignKey(c => c.ClaimantId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(c => c.RelayedBy).WithMany().HasForeignKey(c => c.RelayedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(c => c.Incident).WithMany(i => i.Claims).HasForeignKey(c => c.IncidentId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(c => c.CreatedBy).HasMaxLength(256);
        builder.Property(c => c.UpdatedBy).HasMaxLength(256);
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}

public class ClaimDenialConfiguration : IEntityTypeConfiguration<ClaimDenial>
{
    public void Configure(EntityTypeBuilder<ClaimDenial> builder)
    {
        builder.HasKey(d => d.ClaimId);
        builder.HasOne(d => d.Claim).WithMany().HasForeignKey(d => d.ClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.DeniedClaim).WithMany().HasForeignKey(d => d.DeniedClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.DeniedClaimId);
    }
}
