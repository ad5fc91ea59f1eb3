using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Configurations;

public class ActorAliasConfiguration : IEntityTypeConfiguration<ActorAlias>
{
    public void Configure(EntityTypeBuilder<ActorAlias> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(300);
        builder.HasIndex(a => a.Name);
        builder.HasIndex(a => new { a.ActorId, a.Name }).IsUnique();
        builder.HasOne(a => a.Actor).WithMany(a => a.Aliases).HasForeignKey(a => a.ActorId).OnDelete(DeleteBehavior.Cascade);
    }
}
