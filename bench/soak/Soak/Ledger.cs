using System.Collections.Concurrent;

namespace Soak;

/// <summary>
/// One client's own log of what the app acknowledged: mentions it answered 201 for, and which of those it then
/// answered 204 for (deleted). After the run every kept id must be there and every deleted one gone. A create whose
/// answer the client never read (cancelled when the run stopped, or a browser step that timed out) is counted: the
/// app may have saved it, so the store may hold up to that many mentions beyond the kept ones, never fewer.
/// </summary>
public sealed class Ledger
{
    private readonly ConcurrentDictionary<int, bool> _mentions = new();

    public void Created(int id) => _mentions[id] = false;

    public void Deleted(int id) => _mentions[id] = true;

    private int _unanswered;

    public void CreateUnanswered() => Interlocked.Increment(ref _unanswered);

    public int UnansweredCreates => Volatile.Read(ref _unanswered);

    private readonly ConcurrentDictionary<int, bool> _deletesUnanswered = new();

    /// <summary>A delete sent whose answer was never read (cancelled as the run stopped): the mention may be gone or there.</summary>
    public void DeleteUnanswered(int id) => _deletesUnanswered[id] = true;

    public IEnumerable<int> Kept => _mentions.Where(m => !m.Value && !_deletesUnanswered.ContainsKey(m.Key)).Select(m => m.Key);

    public IEnumerable<int> Unsure => _mentions.Where(m => !m.Value && _deletesUnanswered.ContainsKey(m.Key)).Select(m => m.Key);

    public IEnumerable<int> Gone => _mentions.Where(m => m.Value).Select(m => m.Key);
}
