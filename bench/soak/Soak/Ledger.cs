using System.Collections.Concurrent;

namespace Soak;

/// <summary>
/// One client's own log of what the app acknowledged: mentions it answered 201 for, and which of those it then
/// answered 204 for (deleted). After the run every kept id must be there and every deleted one gone.
/// </summary>
public sealed class Ledger
{
    private readonly ConcurrentDictionary<int, bool> _mentions = new();

    public void Created(int id) => _mentions[id] = false;

    public void Deleted(int id) => _mentions[id] = true;

    public IEnumerable<int> Kept => _mentions.Where(m => !m.Value).Select(m => m.Key);

    public IEnumerable<int> Gone => _mentions.Where(m => m.Value).Select(m => m.Key);
}
