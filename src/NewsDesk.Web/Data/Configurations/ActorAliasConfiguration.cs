using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Configurations;

/// <summary>The alias table, and the limits on aliases that the actor forms, the API and merges all read from here.</summary>
public class ActorAliasConfiguration : IEntityTypeConfiguration<ActorAlias>
{
    /// <summary>Characters in one alias (the column's length).</summary>
    public const int MaxNameLength = 300;

    /// <summary>
    /// Aliases one actor may have. Real actors have a few dozen names and transliterations; without a cap one request
    /// with 100,000 aliases cost 15 s and 517 MB, and the actor's page grew to 25 MB.
    /// </summary>
    public const int MaxPerActor = 200;

    /// <summary>Why these aliases cannot be stored for one actor, or null when they can.</summary>
    public static string? Refusal(IReadOnlyCollection<string> aliases)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        if (aliases.Count > MaxPerActor)
        {
            return $"An actor has at most {MaxPerActor} aliases; this would give it {aliases.Count}.";
        }

        return aliases.FirstOrDefault(a => a?.Trim().Length > MaxNameLength) is { } tooLong
            ? $"An alias has at most {MaxNameLength} characters; \"{tooLong[..40]}…\" has {tooLong.Length}."
            : null;
    }

    public void Configure(EntityTypeBuilder<ActorAlias> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(MaxNameLength);
        builder.HasIndex(a => a.Name);
        builder.HasIndex(a => new { a.ActorId, a.Name }).IsUnique();
        builder.HasOne(a => a.Actor).WithMany(a => a.Aliases).HasForeignKey(a => a.ActorId).OnDelete(DeleteBehavior.Cascade);
    }
}
