using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Configurations;

public class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.Property(i => i.Title).HasMaxLength(500);
        builder.HasIndex(i => i.Title);
        builder.HasIndex(i => i.Date);
        builder.Property(i => i.Location).HasMaxLength(300);
        builder.Property(i => i.Admin1).HasMaxLength(300);
        builder.Property(i => i.Admin2).HasMaxLength(300);
        builder.Property(i => i.Admin3).HasMaxLength(300);
        builder.Property(i => i.Tags).HasMaxLength(1000);
        builder.Property(i => i.SourceScale).HasMaxLength(100);
        builder.Property(i => i.Country).HasMaxLength(100);
        builder.Property(i => i.SubType).HasMaxLength(100);
        builder.Property(i => i.Notes).HasMaxLength(8000);
        builder.Property(i => i.CreatedBy).HasMaxLength(256);
        builder.Property(i => i.UpdatedBy).HasMaxLength(256);
        builder.Property(i => i.Version).IsConcurrencyToken();
    }
}
