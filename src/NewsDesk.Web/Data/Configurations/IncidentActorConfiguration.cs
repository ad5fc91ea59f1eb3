using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Configurations;

public class IncidentActorConfiguration : IEntityTypeConfiguration<IncidentActor>
{
    public void Configure(EntityTypeBuilder<IncidentActor> builder)
    {
        builder.HasKey(ia => new { ia.IncidentId, ia.ActorId, ia.Role });
        builder.HasOne(ia => ia.Incident).WithMany(i => i.Actors).HasForeignKey(ia => ia.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(ia => ia.Actor).WithMany().HasForeignKey(ia => ia.ActorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(ia => ia.ActorId);
    }
}
