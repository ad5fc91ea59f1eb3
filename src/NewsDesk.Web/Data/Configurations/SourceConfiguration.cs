using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Configurations;

public class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(300);
        builder.Property(s => s.Url).HasMaxLength(2048);
        builder.HasIndex(s => s.Url).IsUnique();
        builder.HasIndex(s => new { s.Enabled, s.NextFetchAt });
        builder.Property(s => s.ETag).HasMaxLength(500);
        builder.Property(s => s.LastModified).HasMaxLength(100);
        builder.Property(s => s.LastError).HasMaxLength(2000);
        builder.Property(s => s.LeaseOwner).HasMaxLength(200);
        // The edit form's check of the version it was loaded at must hold in the UPDATE itself: with several
        // writers (PostgreSQL) another edit can commit between reading the row and saving it.
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}
