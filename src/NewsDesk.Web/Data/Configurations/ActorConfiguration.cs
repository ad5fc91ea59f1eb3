using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Configurations;

public class ActorConfiguration : IEntityTypeConfiguration<Actor>
{
    public void Configure(EntityTypeBuilder<Actor> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(300);
        builder.HasIndex(a => a.Name);
        builder.Property(a => a.Country).HasMaxLength(100);
        builder.Property(a => a.ExternalId).HasMaxLength(100);
        builder.Property(a => a.Description).HasMaxLength(4000);
        builder.Property(a => a.CreatedBy).HasMaxLength(256);
        builder.Property(a => a.UpdatedBy).HasMaxLength(256);
        builder.Property(a => a.Version).IsConcurrencyToken();
    }
}
