namespace NewsDesk.Web.Suggestions.Matching;

/// <summary>One name an actor goes by (its name or an alias), as the matcher sees it.</summary>
/// <param name="CaseSensitive">Marked exact on the actor: matched only in this case, and offered even when short or a stop word.</param>
public sealed record AliasEntry(int ActorId, string ActorName, string Alias, bool CaseSensitive = false);

/// <summary>Why a name is not matched on its own.</summary>
public static class WeakAliases
{
    // Words that are also names ("US", "IS", "AL") would flood every article; they are offered only when an editor
    // marks the alias exact (case-sensitive). Short lists of the commonest words in the desk's languages.
    private static readonly HashSet<string> _stopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "he", "her", "his", "i", "in", "is", "it", "its", "me",
        "my", "no", "not", "of", "on", "or", "our", "she", "so", "that", "the", "their", "them", "they", "this", "to", "up", "us",
        "was", "we", "who", "will", "with", "you", "al", "el", "le", "la", "les", "de", "des", "du", "et", "un", "une",
        "في", "من", "على", "الى", "إلى", "عن", "مع", "هذا", "هذه", "التي", "الذي", "ان", "أن", "إن", "او", "أو", "ما", "لا", "قد",
    };

    /// <summary>Null when the name may be matched; otherwise why not.</summary>
    public static string? Refusal(AliasEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.CaseSensitive)
        {
            return null;
        }

        var key = MatchFolding.FoldKey(entry.Alias);
        if (key.Count(MatchFolding.IsWordChar) < 2)
        {
            return "one character";
        }

        return _stopWords.Contains(key) ? "a common word" : null;
    }

    /// <summary>
    /// Short all-capital names (IRNA, KSA, KH) are acronyms: matched in capitals only, so "kh" in a transliteration
    /// or "Irna" as a first name is not taken for the outlet.
    /// </summary>
    public static bool MatchesInCapitalsOnly(AliasEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var letters = entry.Alias.Where(char.IsLetter).ToList();
        return entry.CaseSensitive || (letters.Count is > 0 and <= 5 && letters.All(char.IsUpper) && entry.Alias.Trim().Length <= 6);
    }
}
