using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Configurations;

public class WatchConfiguration : IEntityTypeConfiguration<Watch>
{
    /// <summary>Characters in a saved search.</summary>
    public const int MaxQueryLength = 200;

    /// <summary>Watches one editor may keep.</summary>
    public const int MaxPerOwner = 500;

    public void Configure(EntityTypeBuilder<Watch> builder)
    {
        builder.Property(w => w.Owner).HasMaxLength(256);
        builder.Property(w => w.Query).HasMaxLength(MaxQueryLength);
        builder.HasOne(w => w.Actor).WithMany().HasForeignKey(w => w.ActorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(w => new { w.Owner, w.ActorId });
        builder.HasIndex(w => w.ActorId);
    }
}

public class WatchHitConfiguration : IEntityTypeConfiguration<WatchHit>
{
    public void Configure(EntityTypeBuilder<WatchHit> builder)
    {
        builder.HasOne(h => h.Watch).WithMany(w => w.Hits).HasForeignKey(h => h.WatchId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(h => h.Article).WithMany().HasForeignKey(h => h.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(h => new { h.WatchId, h.ArticleId }).IsUnique();
        builder.HasIndex(h => new { h.ArticleId });
        builder.HasIndex(h => new { h.FoundAt });
    }
}
