namespace NewsDesk.Web.Suggestions.Matching;

/// <summary>
/// An Aho–Corasick automaton over a set of keys: one pass over a text reports every occurrence of every key, in
/// time linear in the text plus the matches, whatever the number of keys (ADR 1600). The trie is stored as flat
/// arrays (each node's edges sorted by character, found by binary search), so 60,000 keys cost a few megabytes and
/// no object per node. Immutable once built: readers share it without locks.
/// </summary>
public sealed class AhoCorasick
{
    private readonly int[] _edgeStart;
    private readonly char[] _edgeChars;
    private readonly int[] _edgeTargets;
    private readonly int[] _fail;
    private readonly int[] _output;
    private readonly int[] _outputLink;

    private AhoCorasick(int[] edgeStart, char[] edgeChars, int[] edgeTargets, int[] fail, int[] output, int[] outputLink, int keyCount)
    {
        _edgeStart = edgeStart;
        _edgeChars = edgeChars;
        _edgeTargets = edgeTargets;
        _fail = fail;
        _output = output;
        _outputLink = outputLink;
        KeyCount = keyCount;
    }

    public int KeyCount { get; }

    public int NodeCount => _fail.Length;

    /// <summary>Builds the automaton; key i is reported as i. Keys must be distinct and non-empty.</summary>
    public static AhoCorasick Build(IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);

        // The trie first, as (parent, char) → child in one dictionary: no per-node collections.
        var children = new Dictionary<long, int>();
        var output = new List<int> { -1 };
        var parentOf = new List<int> { -1 };
        var charOf = new List<char> { '\0' };
        for (var k = 0; k < keys.Count; k++)
        {
            var key = keys[k];
            if (key.Length == 0)
            {
                throw new ArgumentException($"Key {k} is empty.", nameof(keys));
            }

            var node = 0;
            foreach (var c in key)
            {
                var edge = ((long)node << 16) | c;
                if (!children.TryGetValue(edge, out var child))
                {
                    child = output.Count;
                    children.Add(edge, child);
                    output.Add(-1);
                    parentOf.Add(node);
                    charOf.Add(c);
                }

                node = child;
            }

            if (output[node] >= 0)
            {
                throw new ArgumentException($"Keys {output[node]} and {k} are the same (\"{key}\").", nameof(keys));
            }

            output[node] = k;
        }

        var nodeCount = output.Count;

        // Flatten: each node's edges in one run of the arrays, sorted by character.
        var edgeStart = new int[nodeCount + 1];
        for (var n = 1; n < nodeCount; n++)
        {
            edgeStart[parentOf[n] + 1]++;
        }

        for (var n = 0; n < nodeCount; n++)
        {
            edgeStart[n + 1] += edgeStart[n];
        }

        var edgeChars = new char[nodeCount - 1];
        var edgeTargets = new int[nodeCount - 1];
        var fill = (int[])edgeStart.Clone();
        for (var n = 1; n < nodeCount; n++)
        {
            var slot = fill[parentOf[n]]++;
            edgeChars[slot] = charOf[n];
            edgeTargets[slot] = n;
        }

        for (var n = 0; n < nodeCount; n++)
        {
            Array.Sort(edgeChars, edgeTargets, edgeStart[n], edgeStart[n + 1] - edgeStart[n]);
        }

        var automaton = new AhoCorasick(edgeStart, edgeChars, edgeTargets, new int[nodeCount], [.. output], new int[nodeCount], keys.Count);
        automaton.LinkFailures();
        return automaton;
    }

    /// <summary>Calls <paramref name="onMatch"/>(key, end) for every occurrence, end exclusive, in order of end.</summary>
    public void Match(ReadOnlySpan<char> text, MatchHandler onMatch)
    {
        ArgumentNullException.ThrowIfNull(onMatch);
        var state = 0;
        for (var i = 0; i < text.Length; i++)
        {
            state = Next(state, text[i]);
            var node = _output[state] >= 0 ? state : _outputLink[state];
            while (node > 0)
            {
                if (!onMatch(_output[node], i + 1))
                {
                    return;
                }

                node = _outputLink[node];
            }
        }
    }

    /// <summary>Receives one match; returns false to stop matching (a cap was reached).</summary>
    public delegate bool MatchHandler(int key, int end);

    private int Next(int state, char c)
    {
        while (true)
        {
            var child = Child(state, c);
            if (child >= 0)
            {
                return child;
            }

            if (state == 0)
            {
                return 0;
            }

            state = _fail[state];
        }
    }

    private int Child(int node, char c)
    {
        int low = _edgeStart[node], high = _edgeStart[node + 1] - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var found = _edgeChars[mid];
            if (found == c)
            {
                return _edgeTargets[mid];
            }

            if (found < c)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return -1;
    }

    // Breadth first, so a node's failure target (always shallower) is linked before the node itself.
    private void LinkFailures()
    {
        _outputLink[0] = -1;
        var queue = new Queue<int>();
        for (var e = _edgeStart[0]; e < _edgeStart[1]; e++)
        {
            var child = _edgeTargets[e];
            _fail[child] = 0;
            _outputLink[child] = -1;
            queue.Enqueue(child);
        }

        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            for (var e = _edgeStart[node]; e < _edgeStart[node + 1]; e++)
            {
                var child = _edgeTargets[e];
                var fallback = Next(_fail[node], _edgeChars[e]);
                _fail[child] = fallback;
                _outputLink[child] = _output[fallback] >= 0 ? fallback : _outputLink[fallback];
                queue.Enqueue(child);
            }
        }
    }
}
