namespace NewsDesk.Web.Ingest;

/// <summary>
/// The pages this process's running fetches have taken on, so that two sources listing the same page (a site's
/// feeds and its sitemap) never download, extract and store it twice side by side. A fetch checks the database for
/// stored pages once, when it starts; a page another fetch stores after that is remembered here until every fetch
/// that started before it was stored has ended (later fetches find it in the database). Memory is bounded by the
/// pages stored while the longest running fetch runs, not by the number of articles.
/// </summary>
public sealed class PageClaims
{
    private const long InFlight = long.MaxValue;
    private readonly Lock _gate = new();

    // Address → the sequence number when it was stored (InFlight while a fetch works on it).
    private readonly Dictionary<string, long> _claims = new(StringComparer.Ordinal);
    private readonly SortedSet<long> _activeFetches = [];
    private long _sequence;

    /// <summary>Registers a fetch; call before it reads which pages are stored already, and dispose when it ends.</summary>
    public IDisposable BeginFetch()
    {
        lock (_gate)
        {
            var ticket = ++_sequence;
            _activeFetches.Add(ticket);
            return new Fetch(this, ticket);
        }
    }

    /// <summary>True when the caller may fetch the page; false when another fetch has it or has just stored it.</summary>
    public bool TryClaim(string address)
    {
        lock (_gate)
        {
            return _claims.TryAdd(address, InFlight);
        }
    }

    /// <summary>The claim's page is stored (committed) or was not: when not, another fetch may try it.</summary>
    public void Release(string address, bool stored)
    {
        lock (_gate)
        {
            if (stored)
            {
                _claims[address] = ++_sequence;
            }
            else
            {
                _claims.Remove(address);
            }
        }
    }

    /// <summary>How many addresses are remembered (for tests of the bound).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _claims.Count;
            }
        }
    }

    private void End(long ticket)
    {
        lock (_gate)
        {
            _activeFetches.Remove(ticket);
            // A page stored before every running fetch began is in the database each of them read at its start.
            var oldest = _activeFetches.Count == 0 ? InFlight : _activeFetches.Min;
            var known = _claims.Where(c => c.Value != InFlight && c.Value < oldest).Select(c => c.Key).ToList();
            foreach (var address in known)
            {
                _claims.Remove(address);
            }
        }
    }

    private sealed class Fetch(PageClaims claims, long ticket) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                claims.End(ticket);
            }
        }
    }
}
