using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace NewsDesk.Web.Data;

/// <summary>
/// Cuts a text longer than its column's limit to the limit, before every save, so both engines store the same:
/// SQLite ignores a column's length, PostgreSQL refuses the whole row (a scraped article lost over an over-long site
/// name or feed title). Forms check their limits first and say so; what reaches this comes from the web (titles,
/// site names, sections) or a verb's argument.
/// A value that identifies its row (a key or a unique index: an article's or source's URL) is never cut, because a
/// cut URL names another page and may collide with another row's: the save is refused instead, naming the value.
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
                    property.CurrentValue = Identifies(property.Metadata)
                        ? throw new ValueTooLongException(property.Metadata, value.Length, limit)
                        : Cut(value, limit);
                }
            }
        }
    }

    /// <summary>
    /// <see cref="Fit(ChangeTracker)"/> for one value of a row written past the change tracker: a text over its
    /// column's limit is cut, or refused when it identifies the row.
    /// </summary>
    public static object? Fit(IReadOnlyProperty property, object? value) =>
        value is string text && property.GetMaxLength() is { } limit && text.Length > limit
            ? Identifies(property) ? throw new ValueTooLongException(property, text.Length, limit) : Cut(text, limit)
            : value;

    /// <summary>The most characters a column keeps, from the model (the one place limits are written).</summary>
    public static int LimitOf(IModel model, Type entity, string property) =>
        model.FindEntityType(entity)?.FindProperty(property)?.GetMaxLength()
        ?? throw new InvalidOperationException($"{entity.Name}.{property} has no length limit in the model.");

    private static bool Identifies(IReadOnlyProperty property) =>
        property.IsKey() || property.GetContainingIndexes().Any(index => index.IsUnique);

    // Never between the two halves of a surrogate pair.
    private static string Cut(string value, int limit) => char.IsHighSurrogate(value[limit - 1]) ? value[..(limit - 1)] : value[..limit];
}

/// <summary>A value that identifies its row is longer than its column keeps; nothing of the save was written.</summary>
public sealed class ValueTooLongException(IReadOnlyProperty property, int length, int limit) : InvalidOperationException(
    string.Create(CultureInfo.InvariantCulture,
        $"{property.DeclaringType.ClrType.Name}.{property.Name} is {length:N0} characters long and at most {limit:N0} are kept; it is not cut because it identifies the row. Nothing was saved."));
