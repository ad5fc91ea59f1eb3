using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Configurations;

public class SourceFetchConfiguration : IEntityTypeConfiguration<SourceFetch>
{
    public void Configure(EntityTypeBuilder<SourceFetch> builder)
    {
        builder.HasOne(f => f.Source).WithMany(s => s.Fetches).HasForeignKey(f => f.SourceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.SourceId, f.StartedAt });
        builder.Property(f => f.Error).HasMaxLength(2000);
    }
}
