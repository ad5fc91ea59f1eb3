using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Configurations;

public class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.EntityType).HasMaxLength(40);
        builder.Property(e => e.EntityId).HasMaxLength(450);
        builder.Property(e => e.RecordType).HasMaxLength(40);
        builder.Property(e => e.RecordId).HasMaxLength(450);
        // No foreign keys: the log outlives the records and users it names.
        builder.HasIndex(e => new { e.RecordType, e.RecordId, e.Id });
        builder.HasIndex(e => new { e.EntityType, e.EntityId, e.Id });
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => e.UserName);
    }
}
