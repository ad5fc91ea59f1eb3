using Microsoft.EntityFrameworkCore;

namespace NewsDesk.Web.Data;

/// <summary>
/// Saves an edit made on a form that was loaded at a known version (optimistic concurrency): the UPDATE must still
/// find that version, or nothing is written and the caller learns the record's version now (null: it was deleted
/// meanwhile), so the page can show the other person's change instead of overwriting it.
/// </summary>
public static class VersionedEdit
{
    /// <param name="apply">Copies the form onto the tracked entity; runs only when the versions still agree.</param>
    public static async Task<EditOutcome> SaveAsync<TEntity>(
        NewsDeskDbContext db, TEntity entity, int loadedVersion, Action apply, CancellationToken cancellationToken)
        where TEntity : class
    {
        var version = db.Entry(entity).Property<int>("Version");
        if (version.CurrentValue != loadedVersion)
        {
            return new EditOutcome(false, version.CurrentValue);
        }

        // The version the editor saw is the one the UPDATE must still find, or EF throws.
        version.OriginalValue = loadedVersion;
        version.IsModified = true;
        apply();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new EditOutcome(true, null);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.Entry(entity).GetDatabaseValuesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new EditOutcome(false, current?.GetValue<int>("Version"));
        }
    }

    /// <summary>What the editor reads when someone else saved (or deleted) the record first.</summary>
    public static string ConflictMessage(string noun, int loadedVersion, int? currentVersion, bool mergeable) => currentVersion is null
        ? $"This {noun} was deleted{(mergeable ? " (or merged into another)" : "")} while you were editing. Nothing was saved."
        : $"Someone else saved this {noun} while you were editing (you started from version {loadedVersion}; it is now at version {currentVersion}). "
          + $"Nothing was overwritten. Open the {noun} again to see their changes, then re-apply yours.";
}

/// <summary>Whether an edit was saved; when not, the record's version now (null: deleted).</summary>
public sealed record EditOutcome(bool Saved, int? CurrentVersion);
