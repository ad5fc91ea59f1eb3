using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;

namespace NewsDesk.Web.Pages.Collections;

/// <summary>The rule for collection names: trimmed, unique whatever their letter case.</summary>
public static class CollectionNames
{
    public const int MaxLength = 300;

    public static string Normalise(string? name) => string.Join(' ', (name ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static async Task<bool> IsTakenAsync(NewsDeskDbContext db, string name, int? exceptId, CancellationToken cancellationToken)
    {
        // Compared here rather than in SQL: SQLite's lower() folds ASCII only ("Élan" vs "élan"), and an
        // editorial team keeps dozens of collections, not millions.
        var names = await db.Collections.Where(c => c.Id != exceptId).Select(c => c.Name).ToListAsync(cancellationToken);
        return names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
    }

    public static string TakenMessage(string name) => $"A collection named “{name}” already exists: choose another name.";
}
