using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Configurations;

public class CaptureConfiguration : IEntityTypeConfiguration<Capture>
{
    public void Configure(EntityTypeBuilder<Capture> builder)
    {
        builder.Property(c => c.TargetUri).HasMaxLength(2048);
        builder.Property(c => c.WarcFile).HasMaxLength(260);
        builder.Property(c => c.StoredSha256).HasMaxLength(64);
        builder.Property(c => c.PayloadSha256).HasMaxLength(64);
        builder.Property(c => c.ResponseRecordId).HasMaxLength(64);
        builder.Property(c => c.IpAddress).HasMaxLength(45);
        builder.Property(c => c.ContentType).HasMaxLength(200);
        builder.HasIndex(c => new { c.WarcFile, c.Offset });
    }
}
