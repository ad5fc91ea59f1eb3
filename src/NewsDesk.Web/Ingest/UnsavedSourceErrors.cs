using System.Collections.Concurrent;

namespace NewsDesk.Web.Ingest;

/// <summary>
/// Source errors that could not be written to the database (on a full disk not even the source's own error row
/// fits): kept in memory so the source's page still says what happened, until a later fetch record is saved.
/// </summary>
public sealed class UnsavedSourceErrors
{
    private readonly ConcurrentDictionary<int, (string Error, DateTime At)> _errors = new();

    public void Keep(int sourceId, string error, DateTime at) => _errors[sourceId] = (error, at);

    public void Saved(int sourceId) => _errors.TryRemove(sourceId, out _);

    public (string Error, DateTime At)? Of(int sourceId) => _errors.TryGetValue(sourceId, out var error) ? error : null;
}
