using System.Collections;

namespace NewsDesk.Web.Suggestions.Matching;

/// <summary>
/// Every actor name and alias, folded, in one automaton, plus a small second automaton for the actors changed since
/// it was built: a change to one actor rebuilds only that small one (the large one skips the changed actors' old
/// names), and once many actors have changed everything is rebuilt into one again. Immutable: a change returns a
/// new index, so a request keeps the index it started with.
/// </summary>
public sealed class AliasIndex
{
    /// <summary>Changed actors kept beside the main automaton before everything is rebuilt into one.</summary>
    public const int MaxChangedActors = 500;

    private readonly Layer _main;
    private readonly Layer? _changes;

    // Actors whose names in _main are out of date: their current names are in _changes.
    private readonly HashSet<int> _stale;
    private readonly Dictionary<int, IReadOnlyList<AliasEntry>> _byActor;

    private AliasIndex(Layer main, Layer? changes, HashSet<int> stale, Dictionary<int, IReadOnlyList<AliasEntry>> byActor)
    {
        _main = main;
        _changes = changes;
        _stale = stale;
        _byActor = byActor;
    }

    public static AliasIndex Empty { get; } = Build([]);

    /// <summary>Actors known to the index.</summary>
    public int ActorCount => _byActor.Count;

    /// <summary>Actors held in the small automaton of changes (0 right after a full build).</summary>
    public int ChangedActorCount => _stale.Count;

    /// <summary>Names left out because they are one character or a common word and not marked exact.</summary>
    public int WeakAliasCount => _main.WeakCount + (_changes?.WeakCount ?? 0);

    /// <summary>The names the index holds for each actor.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<AliasEntry>> NamesByActor => _byActor;

    public static AliasIndex Build(IEnumerable<AliasEntry> entries)
    {
        var byActor = entries.GroupBy(e => e.ActorId).ToDictionary(g => g.Key, g => (IReadOnlyList<AliasEntry>)[.. g]);
        return new AliasIndex(Layer.Build(byActor.Values.SelectMany(e => e)), null, [], byActor);
    }

    /// <summary>The index with these actors' names replaced (an empty list removes the actor).</summary>
    public AliasIndex WithActors(IReadOnlyDictionary<int, IReadOnlyList<AliasEntry>> changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        if (changed.Count == 0)
        {
            return this;
        }

        var byActor = new Dictionary<int, IReadOnlyList<AliasEntry>>(_byActor);
        foreach (var (actorId, names) in changed)
        {
            if (names.Count == 0)
            {
                byActor.Remove(actorId);
            }
            else
            {
                byActor[actorId] = names;
            }
        }

        var stale = new HashSet<int>(_stale);
        stale.UnionWith(changed.Keys);
        if (stale.Count > MaxChangedActors)
        {
            return new AliasIndex(Layer.Build(byActor.Values.SelectMany(e => e)), null, [], byActor);
        }

        var changes = Layer.Build(stale.Where(byActor.ContainsKey).SelectMany(id => byActor[id]));
        return new AliasIndex(_main, changes, stale, byActor);
    }

    /// <summary>
    /// Every place a name occurs on word boundaries, longest first: a name inside a longer matched name is not
    /// reported, and where names overlap the longer wins (the earlier on a tie). Several actors sharing the name make
    /// one match with several candidates. Stops after <paramref name="cap"/> matches (<see cref="AliasMatches.Capped"/>).
    /// </summary>
    public AliasMatches Find(string text, int cap = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Find(MatchFolding.Fold(text), text, cap);
    }

    /// <summary>As <see cref="Find(string, int)"/>, on a text folded already (the attribution rules use the same fold).</summary>
    public AliasMatches Find(FoldedText folded, string text, int cap = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(folded);
        ArgumentNullException.ThrowIfNull(text);
        var raw = new List<RawMatch>();
        _main.Collect(folded, text, _stale, raw);
        _changes?.Collect(folded, text, null, raw);

        // Longest first, then leftmost; a folded position once covered is taken.
        raw.Sort((a, b) => (b.End - b.Start).CompareTo(a.End - a.Start) is var byLength and not 0 ? byLength : a.Start.CompareTo(b.Start));
        // One bit a folded character (a 5 MB article: 0.6 MB, not the 5 MB of a bool array).
        var covered = new BitArray(folded.Text.Length);
        var chosen = new List<RawMatch>();
        for (var i = 0; i < raw.Count; i++)
        {
            var match = raw[i];
            if (chosen.Count > 0 && chosen[^1].Start == match.Start && chosen[^1].End == match.End)
            {
                // The same span from the other automaton (or another key folding alike): more candidates, one match.
                chosen[^1] = chosen[^1] with { Candidates = [.. chosen[^1].Candidates.Concat(match.Candidates)] };
                continue;
            }

            if (AnySet(covered, match.Start, match.End))
            {
                continue;
            }

            for (var c = match.Start; c < match.End; c++)
            {
                covered[c] = true;
            }

            chosen.Add(match);
        }

        chosen.Sort((a, b) => a.Start.CompareTo(b.Start));
        var result = new List<AliasMatch>(Math.Min(chosen.Count, cap));
        foreach (var match in chosen.Take(cap))
        {
            var (start, end) = folded.Original(match.Start, match.End);
            var candidates = match.Candidates.GroupBy(c => c.ActorId).Select(g => g.First()).OrderBy(c => c.ActorName, StringComparer.Ordinal).ToList();
            result.Add(new AliasMatch(start, end, text[start..end], candidates));
        }

        return new AliasMatches(result, chosen.Count, chosen.Count > cap);
    }

    private static bool AnySet(BitArray bits, int start, int end)
    {
        for (var c = start; c < end; c++)
        {
            if (bits[c])
            {
                return true;
            }
        }

        return false;
    }

    private readonly record struct RawMatch(int Start, int End, IReadOnlyList<AliasEntry> Candidates);

    /// <summary>One automaton and the names behind each of its keys.</summary>
    private sealed class Layer
    {
        private readonly AhoCorasick _automaton;
        private readonly string[] _keys;
        private readonly AliasEntry[][] _entries;

        private Layer(AhoCorasick automaton, string[] keys, AliasEntry[][] entries, int weakCount)
        {
            _automaton = automaton;
            _keys = keys;
            _entries = entries;
            WeakCount = weakCount;
        }

        public int WeakCount { get; }

        public static Layer Build(IEnumerable<AliasEntry> entries)
        {
            var byKey = new Dictionary<string, List<AliasEntry>>(StringComparer.Ordinal);
            var weak = 0;
            foreach (var entry in entries)
            {
                if (WeakAliases.Refusal(entry) is not null)
                {
                    weak++;
                    continue;
                }

                var key = MatchFolding.FoldKey(entry.Alias);
                if (!byKey.TryGetValue(key, out var list))
                {
                    byKey[key] = list = [];
                }

                list.Add(entry);
            }

            var keys = byKey.Keys.ToArray();
            return new Layer(AhoCorasick.Build(keys), keys, [.. keys.Select(k => byKey[k].ToArray())], weak);
        }

        public void Collect(FoldedText folded, string original, HashSet<int>? skipActors, List<RawMatch> into)
        {
            var text = folded.Text;
            _automaton.Match(text, (key, end) =>
            {
                var start = end - _keys[key].Length;
                if (!AtWordStart(text, start) || (end < text.Length && MatchFolding.IsWordChar(text[end]) && MatchFolding.IsWordChar(text[end - 1])))
                {
                    return true;
                }

                List<AliasEntry>? candidates = null;
                foreach (var entry in _entries[key])
                {
                    if (skipActors?.Contains(entry.ActorId) == true || !CaseAgrees(entry, folded, original, start, end))
                    {
                        continue;
                    }

                    (candidates ??= []).Add(entry);
                }

                if (candidates is not null)
                {
                    into.Add(new RawMatch(start, end, candidates));
                }

                return true;
            });
        }

        private static bool CaseAgrees(AliasEntry entry, FoldedText folded, string original, int start, int end)
        {
            if (!WeakAliases.MatchesInCapitalsOnly(entry))
            {
                return true;
            }

            var (from, to) = folded.Original(start, end);
            var letters = original.AsSpan(from, to - from);
            var alias = entry.Alias.AsSpan().Trim();
            if (entry.CaseSensitive)
            {
                return letters.SequenceEqual(alias);
            }

            foreach (var c in letters)
            {
                if (char.IsLetter(c) && !char.IsUpper(c))
                {
                    return false;
                }
            }

            return true;
        }

        // A word starts after a non-word character, or after one or two Arabic proclitics (و ف ب ل ك: "and", "so",
        // "with", "for", "like") that themselves start a word, as in "وحماس" (and Hamas).
        private static bool AtWordStart(string text, int start)
        {
            if (start == 0 || !MatchFolding.IsWordChar(text[start - 1]) || !MatchFolding.IsWordChar(text[start]))
            {
                return true;
            }

            if (!IsArabicLetter(text[start]))
            {
                return false;
            }

            for (var clitics = 1; clitics <= 2 && start - clitics >= 0; clitics++)
            {
                if (!IsProclitic(text[start - clitics]))
                {
                    return false;
                }

                if (start - clitics == 0 || !MatchFolding.IsWordChar(text[start - clitics - 1]))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsProclitic(char c) => c is '\u0648' or '\u0641' or '\u0628' or '\u0644' or '\u0643';

        private static bool IsArabicLetter(char c) => c is >= '\u0620' and <= '\u06FF';
    }
}

/// <summary>A name found in the text: [Start, End) in UTF-16 offsets of the original, and the actors it may be.</summary>
public sealed record AliasMatch(int Start, int End, string Quote, IReadOnlyList<AliasEntry> Candidates)
{
    public bool IsAmbiguous => Candidates.Count > 1;
}

/// <summary>The matches (at most the cap), how many there were, and whether the cap cut them.</summary>
public sealed record AliasMatches(IReadOnlyList<AliasMatch> Matches, int Total, bool Capped);
