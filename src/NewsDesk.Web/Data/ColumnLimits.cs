using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace NewsDesk.Web.Data;

/// <summary>
/// Cuts a text longer than its column's limit to the limit, before every save, so both engines store the same:
/// SQLite ignores a column's length, PostgreSQL refuses the whole row (a scraped article lost over an over-long site
/// name or feed title). Forms check their limits first and say so; what reaches this comes from the web (titles,
/// site names, sections) or a verb's argument.
/// </summary>
internal static class ColumnLimits
{
    public static void Fit(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            foreach (var property in entry.Properties)
            {
                if (property.CurrentValue is string value && property.Metadata.GetMaxLength() is { } limit && value.Length > limit)
                {
                    property.CurrentValue = Cut(value, limit);
                }
            }
        }
    }

    // Never between the two halves of a surrogate pair.
    private static string Cut(string value, int limit) => char.IsHighSurrogate(value[limit - 1]) ? value[..(limit - 1)] : value[..limit];
}
